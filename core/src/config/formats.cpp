// The format table: one row per supported format, its detector, reader
// and how its lines are written. Detection runs every detector and keeps
// the highest score: formats are told apart by the names they use, never
// by being told.
#include <array>

#include "config/format.h"

namespace smtpcheck::config {
namespace {

constexpr std::array laravel_starttls{key_literal{"MAIL_ENCRYPTION", "tls", false, false}};
constexpr std::array dotenv_starttls{key_literal{"SMTP_SECURE", "false", false, true}};
constexpr std::array nodemailer_starttls{key_literal{"secure", "false", false, false}};
constexpr std::array phpmailer_starttls{key_literal{"SMTPSecure", "tls", true, false}};
constexpr std::array wpms_starttls{key_literal{"WPMS_SSL", "tls", true, false}};
constexpr std::array django_starttls{key_literal{"EMAIL_USE_TLS", "True", false, false},
                                     key_literal{"EMAIL_USE_SSL", "False", false, true}};
constexpr std::array rails_starttls{key_literal{"enable_starttls_auto", "true", false, false},
                                    key_literal{"ssl", "false", false, true},
                                    key_literal{"tls", "false", false, true}};
constexpr std::array gitlab_starttls{key_literal{"smtp_enable_starttls_auto", "true", false, false},
                                     key_literal{"smtp_ssl", "false", false, true},
                                     key_literal{"smtp_tls", "false", false, true}};
constexpr std::array javamail_starttls{
    key_literal{"mail.smtp.starttls.enable", "true", false, false},
    key_literal{"mail.smtp.ssl.enable", "false", false, true},
    key_literal{"mail.transport.protocol", "smtp", false, true}};
constexpr std::array spring_starttls{
    key_literal{"spring.mail.properties.mail.smtp.starttls.enable", "true", false, false},
    key_literal{"spring.mail.properties.mail.smtp.ssl.enable", "false", false, true},
    key_literal{"spring.mail.protocol", "smtp", false, true}};
constexpr std::array dotnet_starttls{key_literal{"EnableSsl", "true", false, false}};
constexpr std::array mailkit_starttls{
    key_literal{"Connect(options)", "SecureSocketOptions.StartTls", false, false}};
constexpr std::array smtplib_starttls{key_literal{"class", "SMTP", false, false}};
constexpr std::array postfix_starttls{
    key_literal{"smtp_tls_security_level", "encrypt", false, false},
    key_literal{"smtp_tls_wrappermode", "no", false, true}};
constexpr std::array msmtp_starttls{key_literal{"tls", "on", false, false},
                                    key_literal{"tls_starttls", "on", false, true}};
constexpr std::array ssmtp_starttls{key_literal{"UseSTARTTLS", "YES", false, false}};
constexpr std::array url_starttls{key_literal{"@url", "smtp", false, false}};

constexpr std::array table{
    format_spec{"gitlab-rb",
                "GitLab gitlab.rb",
                score_gitlab,
                read_gitlab,
                {"smtp_address", "smtp_port", "smtp_user_name", "smtp_password",
                 "gitlab_email_from", gitlab_starttls, '"'}},
    format_spec{"laravel-env",
                "Laravel .env",
                score_laravel,
                read_laravel,
                {"MAIL_HOST", "MAIL_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_FROM_ADDRESS",
                 laravel_starttls, 0}},
    format_spec{
        "docker-compose",
        "docker-compose environment",
        score_compose,
        read_compose,
        {"SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASS", "SMTP_FROM", dotenv_starttls, 0}},
    format_spec{"smtp-url",
                "SMTP URL / DSN",
                score_url,
                read_url,
                {"@url", "@url", "@url", "@url", "", url_starttls, 0}},
    format_spec{"nodemailer",
                "Nodemailer createTransport",
                score_nodemailer,
                read_nodemailer,
                {"host", "port", "user", "pass", "from", nodemailer_starttls, '"'}},
    format_spec{"wp-mail-smtp",
                "WP Mail SMTP constants",
                score_wpms,
                read_wpms,
                {"WPMS_SMTP_HOST", "WPMS_SMTP_PORT", "WPMS_SMTP_USER", "WPMS_SMTP_PASS",
                 "WPMS_MAIL_FROM", wpms_starttls, '\''}},
    format_spec{"phpmailer",
                "PHPMailer",
                score_phpmailer,
                read_phpmailer,
                {"Host", "Port", "Username", "Password", "From", phpmailer_starttls, '\''}},
    format_spec{"django",
                "Django settings",
                score_django,
                read_django,
                {"EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
                 "DEFAULT_FROM_EMAIL", django_starttls, '"'}},
    format_spec{"rails",
                "Rails smtp_settings",
                score_rails,
                read_rails,
                {"address", "port", "user_name", "password", "from", rails_starttls, '"'}},
    format_spec{"spring-boot",
                "Spring Boot spring.mail",
                score_spring,
                read_spring,
                {"spring.mail.host", "spring.mail.port", "spring.mail.username",
                 "spring.mail.password", "", spring_starttls, 0}},
    format_spec{"javamail",
                "Java Mail properties",
                score_javamail,
                read_javamail,
                {"mail.smtp.host", "mail.smtp.port", "mail.smtp.user", "", "mail.smtp.from",
                 javamail_starttls, 0}},
    format_spec{"mailkit",
                "MailKit",
                score_mailkit,
                read_mailkit,
                {"Connect(host)", "Connect(port)", "Authenticate(user)", "Authenticate(password)",
                 "", mailkit_starttls, '"'}},
    format_spec{"dotnet-smtpclient",
                ".NET SmtpClient",
                score_dotnet,
                read_dotnet,
                {"Host", "Port", "NetworkCredential", "NetworkCredential", "MailAddress",
                 dotnet_starttls, '"'}},
    format_spec{"appsettings-json",
                "appsettings.json mail section",
                score_appsettings,
                read_appsettings,
                {"Host", "Port", "UserName", "Password", "From", {}, '"'}},
    format_spec{"python-smtplib",
                "Python smtplib",
                score_smtplib,
                read_smtplib,
                {"host", "port", "login(user)", "login(password)", "", smtplib_starttls, '"'}},
    format_spec{"postfix",
                "Postfix main.cf / sasl_passwd",
                score_postfix,
                read_postfix,
                {"@relayhost", "@relayhost", "", "", "", postfix_starttls, 0}},
    format_spec{"msmtp",
                "msmtprc",
                score_msmtp,
                read_msmtp,
                {"host", "port", "user", "password", "from", msmtp_starttls, 0}},
    format_spec{"ssmtp",
                "ssmtp.conf",
                score_ssmtp,
                read_ssmtp,
                {"@mailhub", "@mailhub", "AuthUser", "AuthPass", "", ssmtp_starttls, 0}},
    format_spec{
        "dotenv",
        ".env (SMTP_* / EMAIL_*)",
        score_dotenv,
        read_dotenv,
        {"SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASS", "SMTP_FROM", dotenv_starttls, 0}},
};

}  // namespace

std::span<const format_spec> formats() {
  return table;
}

const format_spec* detect_format(const snippet& s) {
  const format_spec* best = nullptr;
  int best_score = 0;
  for (const format_spec& f : table) {
    const int score = f.score(s);
    if (score > best_score) {
      best = &f;
      best_score = score;
    }
  }
  return best;
}

}  // namespace smtpcheck::config
