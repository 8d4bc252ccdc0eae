// Client platform knowledge (what each client calls its settings, and its TLS defaults).
// Each row says what the platform calls each setting and what its TLS switch
// really means, with the public documentation it comes from above it
// ("Sources:"; a repository file as owner/repository path). Templates take
// {host}, {port} and {from}; the username and password settings also take
// {username} and {password} (filled with a placeholder for the token, never
// with a typed value).
#include <array>

#include "smtpcheck/platform.h"

namespace smtpcheck {
namespace {

constexpr std::array table{
    // Sources: PHPMailer/PHPMailer README.md (Host, SMTPAuth, Username, Password,
    // Port, setFrom; "ENCRYPTION_SMTPS; //Enable implicit TLS", "use 587 if you
    // have set SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS"); src/PHPMailer.php
    // (ENCRYPTION_STARTTLS = 'tls', ENCRYPTION_SMTPS = 'ssl'); changelog.md 5.2.15
    // ("Fix TLS 1.2 compatibility"; PHP 5.6.7 "dropped inclusion of TLS 1.1 and
    // 1.2 in STREAM_CRYPTO_METHOD_TLS_CLIENT"); php/php-src commit bec91e1117
    // ("Use TLS_ANY for default ssl:// and tls:// negotiation", PHP 7.2).
    client_platform{
        .id = "phpmailer",
        .name = "PHPMailer",
        .version_of = "PHP",
        .host_setting = "$mail->Host = '{host}';",
        .port_setting = "$mail->Port = {port};",
        .starttls_setting = "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;",
        .implicit_tls_setting = "$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;",
        .username_setting = "$mail->SMTPAuth = true; $mail->Username = '{username}';",
        .password_setting = "$mail->Password = '{password}';",
        .from_setting = "$mail->setFrom('{from}');",
        .tls_switch_meaning = "SMTPSecure 'tls' (ENCRYPTION_STARTTLS) is STARTTLS on 587; 'ssl' "
                              "(ENCRYPTION_SMTPS) is implicit TLS on 465.",
        .tls12_default_since = "7.2",
        .tls12_fix = "Upgrade to PHP 7.2 or later (on PHP 5.6.7 to 7.1 a \"TLS client\" "
                     "means TLS 1.0 only), or at least to PHPMailer 5.2.15 (6 is current), which "
                     "asks for TLS 1.2 itself.",
        .where = "The PHPMailer object, before $mail->send().",
    },
    // Sources: awesomemotive/WP-Mail-SMTP src/Providers/OptionsAbstract.php ("SMTP
    // Host", "SMTP Port", Encryption None/SSL/TLS, "SMTP Username", "SMTP
    // Password"), src/Admin/ConnectionSettings.php ("From Email"),
    // src/Processor.php (the choice becomes PHPMailer's SMTPSecure 'ssl'/'tls'),
    // src/Options.php (WPMS_SMTP_PASS); WordPress 5.5 upgraded PHPMailer to 6.1.6
    // (ticket #41750, https://lists.wordpress.org/pipermail/wp-trac/2020-June/420107.html).
    // TLS 1.2 by PHP version: as PHPMailer.
    client_platform{
        .id = "wordpress",
        .name = "WordPress (WP Mail SMTP)",
        .version_of = "PHP",
        .host_setting = "SMTP Host: {host}",
        .port_setting = "SMTP Port: {port}",
        .starttls_setting = "Encryption: TLS",
        .implicit_tls_setting = "Encryption: SSL",
        .username_setting = "SMTP Username: {username}",
        .password_setting = "SMTP Password: {password}",
        .from_setting = "From Email: {from}",
        .tls_switch_meaning = "In WP Mail SMTP, Encryption \"TLS\" means STARTTLS (port 587) and "
                              "\"SSL\" means implicit TLS (port 465).",
        .tls12_default_since = "7.2",
        .tls12_fix = "Upgrade PHP to 7.2 or later (WordPress 5.5+ ships PHPMailer 6, which asks "
                     "for TLS 1.2 itself).",
        .where = "WP Mail SMTP → Settings → Mailer \"Other SMTP\" (the password may also be the "
                 "WPMS_SMTP_PASS constant in wp-config.php).",
    },
    // Sources: https://nodemailer.com/smtp/ ("secure – if true the connection will
    // use TLS when connecting to server. If false (the default) then TLS is used
    // if server supports the STARTTLS extension … set this value to true if you
    // are connecting to port 465"); nodemailer/nodemailer
    // lib/smtp-connection/index.js ("requireTLS - forces the client to use
    // STARTTLS"); nodejs.org docs/api/tls.html, tls.rootCertificates (Node's
    // bundled Mozilla CA store, "fixed at release time").
    client_platform{
        .id = "nodemailer",
        .name = "Nodemailer",
        .version_of = "Node.js",
        .host_setting = "host: \"{host}\"",
        .port_setting = "port: {port}",
        .starttls_setting = "secure: false, requireTLS: true",
        .implicit_tls_setting = "secure: true",
        .username_setting = "auth: { user: \"{username}\", pass: \"{password}\" }",
        .password_setting = "auth: { user: \"{username}\", pass: \"{password}\" }",
        .from_setting = "from: \"{from}\"",
        .tls_switch_meaning = "secure: true means implicit TLS from the first byte (port 465); on "
                              "587, 2525 and 25 use secure: false, and requireTLS: true makes the "
                              "STARTTLS upgrade mandatory.",
        .where = "The options of nodemailer.createTransport({...}).",
        .trust_store_update = "update Node.js (it carries its own list of authorities)",
    },
    // Sources: learn.microsoft.com System.Net.Mail.SmtpClient.EnableSsl ("only
    // supports … RFC 3207 … STARTTLS"; SMTPS on 465 "is not currently supported")
    // and SmtpClient ("not recommended for new development … Use MailKit");
    // the <network> element of <mailSettings><smtp> (enableSsl, host, port,
    // userName, password); dotnet/docs docs/framework/network-programming/tls.md
    // (an app that targets 4.6 or later gets TLS 1.2; "Target .NET Framework 4.7
    // or later") and ServicePointManager.SecurityProtocol (SystemDefault from 4.7).
    client_platform{
        .id = "dotnet-smtpclient",
        .name = ".NET System.Net.Mail.SmtpClient",
        .version_of = ".NET Framework",
        .host_setting = "client.Host = \"{host}\";",
        .port_setting = "client.Port = {port};",
        .starttls_setting = "client.EnableSsl = true;",
        .implicit_tls_setting = "",
        .username_setting = "client.Credentials = new NetworkCredential(\"{username}\", "
                            "\"{password}\");",
        .password_setting = "client.Credentials = new NetworkCredential(\"{username}\", "
                            "\"{password}\");",
        .from_setting = "new MailMessage(\"{from}\", …)",
        .tls_switch_meaning = "EnableSsl = true means STARTTLS, whatever its name says; "
                              "SmtpClient cannot do implicit TLS at all, so port 465 never works.",
        .supports_implicit_tls = false,
        .tls12_default_since = "4.6",
        .tls12_fix = "Target .NET Framework 4.7 or later. An app that targets 4.5 (even "
                     "when it runs on a later framework) needs "
                     "`ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` at "
                     "start-up; on 4.0 (with 4.5 or later installed) the same with "
                     "`(SecurityProtocolType)3072`.",
        .where = "The SmtpClient object, or <system.net><mailSettings><smtp> in web.config / "
                 "app.config (enableSsl=\"true\").",
        .obsolete_note = "Microsoft's documentation says SmtpClient is not recommended for new "
                         "development and points to MailKit instead.",
        .trust_store_update = "install the pending Windows updates (they refresh the trusted "
                              "root certificates)",
    },
    // Sources: jstedfast/MailKit FAQ.md ("SMTP | 25 or 587 | 465"; the standard
    // ports take SecureSocketOptions.StartTls, "the SSL ports … SslOnConnect";
    // on Linux "apt install -y ca-certificates"), MailKit/MailService.cs (useSsl
    // means SslOnConnect), README.md (Connect, Authenticate, message.From.Add).
    client_platform{
        .id = "mailkit",
        .name = "MailKit",
        .version_of = "MailKit",
        .host_setting = "client.Connect(\"{host}\", {port}, SecureSocketOptions.StartTls);",
        .port_setting = "client.Connect(\"{host}\", {port}, SecureSocketOptions.StartTls);",
        .starttls_setting = "SecureSocketOptions.StartTls",
        .implicit_tls_setting = "SecureSocketOptions.SslOnConnect",
        .username_setting = "client.Authenticate(\"{username}\", \"{password}\");",
        .password_setting = "client.Authenticate(\"{username}\", \"{password}\");",
        .from_setting = "message.From.Add(MailboxAddress.Parse(\"{from}\"));",
        .tls_switch_meaning = "SecureSocketOptions.StartTls is STARTTLS; SslOnConnect (or "
                              "useSsl: true) is implicit TLS, which 587 does not speak.",
        .where = "The arguments of SmtpClient.Connect and SmtpClient.Authenticate.",
        .trust_store_update = "update the system's trusted root certificates (Windows Update; "
                              "the ca-certificates package on Linux)",
    },
    // Sources: jakartaee/mail-api mail/src/main/java/com/sun/mail/smtp/package.html
    // (mail.smtp.host, .port, .auth, .ssl.enable "use SSL to connect",
    // .starttls.enable, .starttls.required, .ssl.protocols, the Authenticator);
    // blogs.oracle.com "JDK 8 will use TLS 1.2 as the default" (JDK 7 clients
    // have it disabled); docs.oracle.com javase/8 net-properties
    // (java.net.preferIPv4Stack).
    client_platform{
        .id = "javamail",
        .name = "Java / Jakarta Mail",
        .version_of = "Java",
        .host_setting = "mail.smtp.host={host}",
        .port_setting = "mail.smtp.port={port}",
        .starttls_setting = "mail.smtp.starttls.enable=true, mail.smtp.starttls.required=true",
        .implicit_tls_setting = "mail.smtp.ssl.enable=true",
        .username_setting = "mail.smtp.auth=true, and your Authenticator returns new "
                            "PasswordAuthentication(\"{username}\", \"{password}\")",
        .password_setting = "mail.smtp.auth=true, and your Authenticator returns new "
                            "PasswordAuthentication(\"{username}\", \"{password}\")",
        .from_setting = "message.setFrom(new InternetAddress(\"{from}\"));",
        .tls_switch_meaning = "mail.smtp.starttls.enable is STARTTLS; mail.smtp.ssl.enable is "
                              "implicit TLS (port 465), which 587 does not speak. Also set "
                              "mail.smtp.auth=true.",
        .tls12_default_since = "8",
        .tls12_fix = "Set `mail.smtp.ssl.protocols=TLSv1.2` (Java 7), or run on Java 8 or later.",
        .where = "The Properties passed to Session.getInstance (or spring.mail.* in Spring Boot).",
        .trust_store_update = "update the JDK (its cacerts file holds the trusted authorities)",
        .prefer_ipv4_fix = "Start Java with `-Djava.net.preferIPv4Stack=true` so that it connects "
                           "over IPv4, or repair the machine's IPv6 route.",
    },
    // Sources: python/cpython Doc/library/smtplib.rst (SMTP(host, port);
    // "SMTP_SSL should be used for situations where SSL is required from the
    // beginning of the connection … (465)"; starttls(); login(); sendmail());
    // python/cpython Mac/BuildScript/resources/install_certificates.command.
    client_platform{
        .id = "python-smtplib",
        .name = "Python smtplib",
        .version_of = "Python",
        .host_setting = "server = smtplib.SMTP(\"{host}\", {port})",
        .port_setting = "server = smtplib.SMTP(\"{host}\", {port})",
        .starttls_setting = "server.starttls(context=ssl.create_default_context())",
        .implicit_tls_setting = "smtplib.SMTP_SSL(…)",
        .username_setting = "server.login(\"{username}\", \"{password}\")",
        .password_setting = "server.login(\"{username}\", \"{password}\")",
        .from_setting = "server.sendmail(\"{from}\", …)",
        .tls_switch_meaning = "SMTP_SSL is implicit TLS (port 465); for 587, 2525 and 25 use "
                              "SMTP and call starttls() before login().",
        .where = "Your code that creates the smtplib.SMTP object.",
        .trust_store_update = "update the CA certificates Python uses (the system's "
                              "ca-certificates package; on macOS run \"Install "
                              "Certificates.command\" from the Python folder)",
    },
    // Sources: ruby/net-smtp lib/net/smtp.rb (new(address, port); enable_starttls
    // "Enables SMTP/TLS (STARTTLS)"; enable_tls "SMTPS: SMTP over direct TLS
    // connection", alias enable_ssl, default port 465; start(helo, user, secret,
    // authtype); send_message(msgstr, from_addr, *to_addrs)).
    client_platform{
        .id = "ruby-net-smtp",
        .name = "Ruby Net::SMTP",
        .version_of = "Ruby",
        .host_setting = "smtp = Net::SMTP.new(\"{host}\", {port})",
        .port_setting = "smtp = Net::SMTP.new(\"{host}\", {port})",
        .starttls_setting = "smtp.enable_starttls",
        .implicit_tls_setting = "smtp.enable_tls",
        .username_setting = "smtp.start(helo_domain, \"{username}\", \"{password}\", :plain)",
        .password_setting = "smtp.start(helo_domain, \"{username}\", \"{password}\", :plain)",
        .from_setting = "smtp.send_message(msg, \"{from}\", …)",
        .tls_switch_meaning = "enable_starttls is STARTTLS; enable_tls (enable_ssl) is implicit "
                              "TLS (port 465), which 587 does not speak.",
        .where = "Your code that creates the Net::SMTP object.",
    },
    // Sources: rails/rails guides/source/action_mailer_basics.md (smtp_settings
    // :address, :port, :user_name, :password, :authentication; ":enable_starttls
    // - Use STARTTLS … and fail if unsupported"; ":enable_starttls_auto - Detects
    // if STARTTLS is enabled"; ":ssl/:tls - … SMTPS: SMTP over direct TLS").
    client_platform{
        .id = "rails",
        .name = "Rails ActionMailer",
        .version_of = "Rails",
        .host_setting = "address: \"{host}\"",
        .port_setting = "port: {port}",
        .starttls_setting = "enable_starttls: true",
        .implicit_tls_setting = "tls: true",
        .username_setting = "user_name: \"{username}\", authentication: :plain",
        .password_setting = "password: \"{password}\"",
        .from_setting = "default from: \"{from}\"",
        .tls_switch_meaning = "enable_starttls is STARTTLS (enable_starttls_auto only when the "
                              "server offers it); ssl: true or tls: true is implicit TLS (port "
                              "465), which 587 does not speak. Also set authentication: :plain.",
        .where = "config.action_mailer.smtp_settings in config/environments/production.rb.",
    },
    // Sources: https://docs.djangoproject.com/en/stable/ref/settings/ (EMAIL_HOST,
    // EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD; EMAIL_USE_TLS "explicit
    // TLS … generally on port 587", EMAIL_USE_SSL "implicit TLS … generally used
    // on port 465"; DEFAULT_FROM_EMAIL); django/django
    // django/core/mail/backends/smtp.py ("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually
    // exclusive"); the CA hint as python-smtplib's.
    client_platform{
        .id = "django",
        .name = "Django",
        .version_of = "Django",
        .host_setting = "EMAIL_HOST = \"{host}\"",
        .port_setting = "EMAIL_PORT = {port}",
        .starttls_setting = "EMAIL_USE_TLS = True",
        .implicit_tls_setting = "EMAIL_USE_SSL = True",
        .username_setting = "EMAIL_HOST_USER = \"{username}\"",
        .password_setting = "EMAIL_HOST_PASSWORD = \"{password}\"",
        .from_setting = "DEFAULT_FROM_EMAIL = \"{from}\"",
        .tls_switch_meaning = "EMAIL_USE_TLS is STARTTLS; EMAIL_USE_SSL is implicit TLS (port "
                              "465). They exclude each other: set only EMAIL_USE_TLS.",
        .where = "settings.py.",
        .trust_store_update = "update the CA certificates Python uses (the system's "
                              "ca-certificates package; on macOS run \"Install "
                              "Certificates.command\" from the Python folder)",
    },
    // Sources: laravel/laravel .env.example and config/mail.php (MAIL_HOST,
    // MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD, MAIL_ENCRYPTION, MAIL_FROM_ADDRESS;
    // MAIL_SCHEME in later ones); laravel/framework src/Illuminate/Mail/MailManager.php:
    // 8.x SwiftMailer setEncryption('tls' STARTTLS / 'ssl' implicit), 9.x–10.x
    // "$config['encryption'] === 'tls' ? (($config['port'] == 465) ? 'smtps' :
    // 'smtp') : ''", 11.x "($config['port'] == 465) ? 'smtps' : 'smtp'" unless
    // scheme is set; laravel/docs configuration.md (php artisan config:clear).
    client_platform{
        .id = "laravel",
        .name = "Laravel",
        .version_of = "Laravel",
        .host_setting = "MAIL_HOST={host}",
        .port_setting = "MAIL_PORT={port}",
        .starttls_setting = "MAIL_ENCRYPTION=tls",
        .implicit_tls_setting = "MAIL_ENCRYPTION=ssl",
        .username_setting = "MAIL_USERNAME={username}",
        .password_setting = "MAIL_PASSWORD={password}",
        .from_setting = "MAIL_FROM_ADDRESS={from}",
        .tls_switch_meaning = "Up to Laravel 8, MAIL_ENCRYPTION=tls is STARTTLS and ssl is "
                              "implicit TLS (port 465). From Laravel 9 the port decides: 465 is "
                              "implicit TLS, other ports use STARTTLS when the server offers it; "
                              "MAIL_SCHEME=smtps or smtp (read by newer config/mail.php files) "
                              "sets it outright.",
        .where = "The .env file (config/mail.php reads it); run php artisan config:clear after "
                 "changing it.",
    },
    // Sources: vdukhovni/postfix postfix/README_FILES/SASL_README
    // (smtp_sasl_auth_enable = yes, smtp_tls_security_level = encrypt,
    // smtp_sasl_tls_security_options = noanonymous, relayhost = [host]:port and
    // "the [ and ] prevent … looking up MX", the sasl_passwd line, "postmap
    // /etc/postfix/sasl_passwd", "No worthy mechs found" without the plain and
    // login modules) and postfix/proto/postconf.proto (smtp_tls_wrappermode
    // "requires smtp_tls_security_level = encrypt or stronger";
    // smtp_sasl_mechanism_filter; inet_protocols: "you MUST stop and start
    // Postfix after changing this parameter"); Debian's libsasl2-modules package.
    client_platform{
        .id = "postfix",
        .name = "Postfix (relayhost)",
        .version_of = "Postfix",
        .host_setting = "relayhost = [{host}]:{port}",
        .port_setting = "relayhost = [{host}]:{port}",
        .starttls_setting = "smtp_tls_security_level = encrypt",
        .implicit_tls_setting = "smtp_tls_wrappermode = yes, smtp_tls_security_level = encrypt",
        .username_setting = "smtp_sasl_auth_enable = yes\n"
                            "smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"
                            "smtp_sasl_tls_security_options = noanonymous\n"
                            "In /etc/postfix/sasl_passwd: [{host}]:{port} {username}:{password}",
        .password_setting = "smtp_sasl_auth_enable = yes\n"
                            "smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"
                            "smtp_sasl_tls_security_options = noanonymous\n"
                            "In /etc/postfix/sasl_passwd: [{host}]:{port} {username}:{password}",
        .from_setting = "",
        .tls_switch_meaning = "smtp_tls_security_level = encrypt requires STARTTLS; "
                              "smtp_tls_wrappermode = yes is implicit TLS, which 587 does not "
                              "speak. The brackets in relayhost skip the MX lookup. Also set "
                              "smtp_sasl_auth_enable = yes.",
        .where = "/etc/postfix/main.cf and /etc/postfix/sasl_passwd (run postmap on it, then "
                 "postfix reload).",
        .prefer_ipv4_fix = "Set `inet_protocols = ipv4` in /etc/postfix/main.cf and restart "
                           "Postfix (`postfix stop`, then `postfix start`: a reload does not "
                           "apply it), or repair the machine's IPv6 route.",
        .auth_mechanism_fix = "Set `smtp_tls_security_level = encrypt` so that Postfix logs in "
                              "only after STARTTLS, and leave `smtp_sasl_mechanism_filter` empty "
                              "(or list `plain, login`); then run `postfix reload`.",
        .sasl_plugins_fix = "Install Postfix's SASL client plugins: `apt-get install "
                            "libsasl2-modules` (Debian, Ubuntu) or `dnf install cyrus-sasl-plain` "
                            "(Fedora, RHEL), then run `postfix reload`.",
    },
    // Sources: marlam/msmtp doc/msmtp.1 (host, port "465 … when TLS without
    // STARTTLS is used", "auth [(on|off|method)] … on chooses a method
    // automatically", user, password, "tls [(on|off)]", "tls_starttls [(on|off)]
    // … start TLS from within the session (on, default), or tunnel the session
    // through TLS (off)", from; ~/.msmtprc, SYSCONFDIR/msmtprc).
    client_platform{
        .id = "msmtp",
        .name = "msmtp",
        .version_of = "msmtp",
        .host_setting = "host {host}",
        .port_setting = "port {port}",
        .starttls_setting = "tls on, tls_starttls on",
        .implicit_tls_setting = "tls on, tls_starttls off",
        .username_setting = "auth on, user {username}",
        .password_setting = "password {password}",
        .from_setting = "from {from}",
        .tls_switch_meaning =
            "tls on with tls_starttls on is STARTTLS; tls on with tls_starttls off is "
            "implicit TLS (port 465), which 587 does not speak. Also set auth on.",
        .where = "~/.msmtprc or /etc/msmtprc.",
        .auth_mechanism_fix = "Set `auth on` (msmtp then picks a mechanism the server offers) "
                              "with `tls on` and `tls_starttls on`, instead of naming one "
                              "mechanism.",
    },
};

}  // namespace

std::span<const client_platform> client_platforms() {
  return table;
}

std::string_view short_name(const client_platform& p) {
  const std::size_t paren = p.name.find(" (");
  return paren == std::string_view::npos ? p.name : p.name.substr(0, paren);
}

const client_platform* find_client_platform(std::string_view id) {
  for (const client_platform& p : table) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

}  // namespace smtpcheck
