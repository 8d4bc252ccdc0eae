#include "explain/client_in_text.h"

#include <array>
#include <string_view>

namespace smtpcheck::explaining {
namespace {

struct client_marker {
  std::string_view words;  ///< exact and case-sensitive: these are the client's own
  std::string_view platform_id;
};

// Command-line tools people test with, worded like platforms so that a fix
// names the tool's own flag. They are not in the platform picker.
constexpr std::array tools{
    client_platform{
        .id = "openssl-s-client",
        .name = "openssl s_client",
        .host_setting = "openssl s_client -starttls smtp -connect {host}:{port} -crlf",
        .port_setting = "openssl s_client -starttls smtp -connect {host}:{port} -crlf",
        .starttls_setting = "-starttls smtp",
    },
    client_platform{
        .id = "curl",
        .name = "curl",
        .host_setting = "--url 'smtp://{host}:{port}' --ssl-reqd",
        .port_setting = "--url 'smtp://{host}:{port}' --ssl-reqd",
        .starttls_setting = "--url 'smtp://{host}:{port}' --ssl-reqd",
        .implicit_tls_setting = "smtps://",
        .username_setting = "--user '{username}:{password}'",
        .password_setting = "--user '{username}:{password}'",
        .from_setting = "--mail-from {from}",
    },
    client_platform{
        .id = "swaks",
        .name = "swaks",
        .host_setting = "--server {host}:{port}",
        .port_setting = "--server {host}:{port}",
        .starttls_setting = "--tls",
        .implicit_tls_setting = "--tls-on-connect",
        .username_setting = "--auth-user '{username}' --auth-password '{password}'",
        .password_setting = "--auth-user '{username}' --auth-password '{password}'",
        .from_setting = "--from {from}",
    },
};

// Frameworks before the libraries they are built on (WordPress uses
// PHPMailer, Django uses smtplib, Rails uses Net::SMTP, MailKit has an
// SmtpClient too): the first row found anywhere wins.
constexpr std::array markers{
    client_marker{"WP Mail SMTP", "wordpress"},
    client_marker{"wp-content/plugins/wp-mail-smtp", "wordpress"},
    client_marker{"Illuminate\\", "laravel"},
    client_marker{"laravel", "laravel"},
    client_marker{"PHPMailer", "phpmailer"},
    client_marker{"phpmailer/src", "phpmailer"},
    client_marker{"class.smtp.php", "phpmailer"},
    client_marker{"class.phpmailer.php", "phpmailer"},
    client_marker{"SERVER -> CLIENT:", "phpmailer"},
    client_marker{"The following From address failed", "phpmailer"},
    client_marker{"nodemailer", "nodemailer"},
    client_marker{"SMTPConnection.", "nodemailer"},
    client_marker{"code: 'EAUTH'", "nodemailer"},
    client_marker{"code: 'ESOCKET'", "nodemailer"},
    client_marker{"code: 'EENVELOPE'", "nodemailer"},
    client_marker{"code: 'EDNS'", "nodemailer"},
    client_marker{"code: 'ETLS'", "nodemailer"},
    client_marker{"code: 'EMESSAGE'", "nodemailer"},
    client_marker{"code: 'ECONNECTION'", "nodemailer"},
    client_marker{"command: 'CONN'", "nodemailer"},
    client_marker{"MailKit", "mailkit"},
    client_marker{"System.Net.Mail", "dotnet-smtpclient"},
    client_marker{"SmtpException", "dotnet-smtpclient"},
    client_marker{"django", "django"},
    client_marker{"smtplib", "python-smtplib"},
    client_marker{"ActionMailer", "rails"},
    client_marker{"actionmailer", "rails"},
    client_marker{"action_mailer", "rails"},
    client_marker{"Net::SMTP", "ruby-net-smtp"},
    client_marker{"net/smtp.rb", "ruby-net-smtp"},
    client_marker{"Net::ReadTimeout", "ruby-net-smtp"},
    client_marker{"Net::OpenTimeout", "ruby-net-smtp"},
    client_marker{"OpenSSL::SSL::SSLError", "ruby-net-smtp"},
    client_marker{"javax.mail", "javamail"},
    client_marker{"jakarta.mail", "javamail"},
    client_marker{"com.sun.mail", "javamail"},
    client_marker{"org.eclipse.angus.mail", "javamail"},
    client_marker{"postfix/", "postfix"},
    client_marker{"msmtp:", "msmtp"},
    // Tools last: their output can be part of a bigger paste.
    client_marker{"s_client", "openssl-s-client"},
    client_marker{"CONNECTED(0", "openssl-s-client"},
    client_marker{"curl: (", "curl"},
    client_marker{"=== Trying ", "swaks"},
};

const client_platform* find_platform_or_tool(std::string_view id) {
  for (const client_platform& t : tools) {
    if (t.id == id) return &t;
  }
  return find_client_platform(id);
}

}  // namespace

const client_platform* find_client_in_text(std::span<const std::string> lines) {
  for (const client_marker& m : markers) {
    for (const std::string& line : lines) {
      if (line.find(m.words) != std::string::npos) return find_platform_or_tool(m.platform_id);
    }
  }
  return nullptr;
}

}  // namespace smtpcheck::explaining
