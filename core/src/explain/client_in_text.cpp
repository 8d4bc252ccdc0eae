#include "explain/client_in_text.h"

#include <array>
#include <string_view>
#include <vector>

#include "explain/word_index.h"

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
    client_platform{
        .id = "lettre",
        .name = "lettre",
        .host_setting = "SmtpTransport::starttls_relay(\"{host}\")",
        .port_setting = "SmtpTransport::starttls_relay(\"{host}\")?.port({port})",
        .starttls_setting = "SmtpTransport::starttls_relay(\"{host}\")",
        .implicit_tls_setting = "SmtpTransport::relay(\"{host}\")",
        .username_setting =
            "Credentials::new(\"{username}\".to_owned(), \"{password}\".to_owned())",
        .password_setting =
            "Credentials::new(\"{username}\".to_owned(), \"{password}\".to_owned())",
    },
    client_platform{
        .id = "gomail",
        .name = "gomail",
        .host_setting = "gomail.NewDialer(\"{host}\", {port}, user, pass)",
        .port_setting = "gomail.NewDialer(\"{host}\", {port}, user, pass)",
        .starttls_setting = "d.SSL = false",
        .implicit_tls_setting = "d.SSL = true",
        .username_setting = "gomail.NewDialer(host, port, \"{username}\", \"{password}\")",
        .password_setting = "gomail.NewDialer(host, port, \"{username}\", \"{password}\")",
    },
    client_platform{
        .id = "spring",
        .name = "Spring Boot",
        .host_setting = "spring.mail.host={host}",
        .port_setting = "spring.mail.port={port}",
        .starttls_setting = "spring.mail.properties.mail.smtp.starttls.required=true",
        .implicit_tls_setting = "spring.mail.properties.mail.smtp.ssl.enable=true",
        .username_setting = "spring.mail.username={username}",
        .password_setting = "spring.mail.password={password}",
    },
    client_platform{
        .id = "home-assistant",
        .name = "Home Assistant",
        .host_setting = "server: {host}",
        .port_setting = "port: {port}",
        .starttls_setting = "encryption: starttls",
        .implicit_tls_setting = "encryption: tls",
        .username_setting = "username: {username}",
        .password_setting = "password: {password}",
        .from_setting = "sender: {from}",
    },
    client_platform{
        .id = "powershell",
        .name = "PowerShell Send-MailMessage",
        .host_setting = "-SmtpServer {host}",
        .port_setting = "-Port {port} -UseSsl",
        .starttls_setting = "-UseSsl",
        .username_setting = "-Credential (Get-Credential)",
        .password_setting = "-Credential (Get-Credential)",
        .from_setting = "-From {from}",
        // Send-MailMessage is .NET SmtpClient underneath: STARTTLS only.
        .supports_implicit_tls = false,
    },
    client_platform{
        .id = "thunderbird",
        .name = "Thunderbird",
        .host_setting = "Server Name: {host}",
        .port_setting = "Port: {port}",
        .starttls_setting = "Connection security: STARTTLS",
        .implicit_tls_setting = "Connection security: SSL/TLS",
        .username_setting = "User Name: {username}",
        .password_setting = "User Name: {username}",
    },
    client_platform{.id = "outlook", .name = "Outlook"},
    client_platform{.id = "exim", .name = "Exim"},
};

// Frameworks before the libraries they are built on (WordPress uses
// PHPMailer, Django uses smtplib, Rails uses Net::SMTP, MailKit has an
// SmtpClient too): the first row found anywhere wins.
constexpr std::array markers{
    client_marker{"WP Mail SMTP", "wordpress"},
    client_marker{"wp-content/plugins/wp-mail-smtp", "wordpress"},
    client_marker{"homeassistant.", "home-assistant"},
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
    client_marker{"org.springframework.mail", "spring"},
    client_marker{"javax.mail", "javamail"},
    client_marker{"jakarta.mail", "javamail"},
    client_marker{"com.sun.mail", "javamail"},
    client_marker{"org.eclipse.angus.mail", "javamail"},
    client_marker{"postfix/", "postfix"},
    // Postfix's delivery status, also when the log names the service otherwise.
    client_marker{", dsn=", "postfix"},
    client_marker{"msmtp:", "msmtp"},
    client_marker{"lettre::", "lettre"},
    client_marker{"gomail:", "gomail"},
    client_marker{"Send-MailMessage", "powershell"},
    client_marker{"Outgoing server (SMTP)", "thunderbird"},
    client_marker{"0x800CCC", "outlook"},
    client_marker{"T=remote_smtp", "exim"},
    // Tools last: their output can be part of a bigger paste.
    client_marker{"s_client", "openssl-s-client"},
    client_marker{"CONNECTED(0", "openssl-s-client"},
    client_marker{"curl: (", "curl"},
    client_marker{"=== Trying ", "swaks"},
    client_marker{"=== TLS ", "swaks"},
};

const client_platform* find_platform_or_tool(std::string_view id) {
  for (const client_platform& t : tools) {
    if (t.id == id) return &t;
  }
  return find_client_platform(id);
}

}  // namespace

recognised_client find_client_in_text(std::span<const std::string> lines) {
  std::vector<std::string> words;
  for (const client_marker& m : markers) words.emplace_back(m.words);
  const word_index index(std::move(words));
  // The earliest line of each marker; the first marker in table order wins.
  std::vector<std::size_t> line_of(markers.size(), lines.size());
  std::vector<std::size_t> first;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    index.find_all(lines[i], first);
    for (std::size_t m = 0; m < markers.size(); ++m) {
      if (first[m] != std::string_view::npos && line_of[m] == lines.size()) line_of[m] = i;
    }
  }
  for (std::size_t m = 0; m < markers.size(); ++m) {
    if (line_of[m] == lines.size()) continue;
    const client_platform* picker = find_client_platform(markers[m].platform_id);
    return {find_platform_or_tool(markers[m].platform_id), markers[m].words, line_of[m],
            picker != nullptr};
  }
  return {};
}

}  // namespace smtpcheck::explaining
