// .NET: System.Net.Mail.SmtpClient code and web.config <smtp>, common
// appsettings.json "Smtp"/"EmailSettings" sections, and MailKit's
// Connect(host, port, SecureSocketOptions.X).
//
// SmtpClient (https://learn.microsoft.com/dotnet/api/system.net.mail.smtpclient.enablessl
// and SmtpNetworkElement.EnableSsl): EnableSsl defaults to false; "The
// SmtpClient class only supports the SMTP Service Extension for Secure SMTP
// over Transport Layer Security as defined in RFC 3207" (STARTTLS); the
// implicit-TLS alternative on port 465 is not supported. Port defaults to 25.
//
// MailKit (github.com/jstedfast/MailKit: MailKit/Security/SecureSocketOptions.cs,
// MailKit/Net/Smtp/SmtpClient.cs ComputeDefaultValues, MailKit/MailService.cs):
// None; Auto (the default; port 465 becomes SslOnConnect, any other port
// StartTlsWhenAvailable); SslOnConnect; StartTls (fails if the server lacks
// STARTTLS); StartTlsWhenAvailable (STARTTLS "only if the server supports"
// it). Connect(host, port, bool useSsl): true is SslOnConnect, false
// StartTlsWhenAvailable. Port 0 picks 25 (465 for SslOnConnect).
#include <array>

#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

const entry* member(const snippet& s, std::string_view name) {
  return find_leaf(s.code, name, true);
}

struct mailkit_mode {
  security_mode mode;
  bool opportunistic;
};

std::optional<mailkit_mode> mailkit_option(std::string_view v, bool on_465) {
  const std::string_view name = leaf(text::trim(v));
  if (text::iequals(name, "true")) return mailkit_mode{security_mode::tls, false};
  if (text::iequals(name, "false")) return mailkit_mode{security_mode::starttls, true};
  if (name == "None") return mailkit_mode{security_mode::none, false};
  if (name == "SslOnConnect") return mailkit_mode{security_mode::tls, false};
  if (name == "StartTls") return mailkit_mode{security_mode::starttls, false};
  if (name == "StartTlsWhenAvailable") return mailkit_mode{security_mode::starttls, true};
  if (name == "Auto")
    return mailkit_mode{on_465 ? security_mode::tls : security_mode::starttls, !on_465};
  return std::nullopt;
}

// MailKit's Connect(host, port[, options|useSsl][, token]): a port number
// (or variable) second.
const call* connect_call(const snippet& s) {
  for (std::string_view n : {"Connect", "ConnectAsync"}) {
    for (const call* c : find_calls(s, n)) {
      if (c->args.size() >= 2 && c->args.size() <= 4 && c->args[1].quote == 0) return c;
    }
  }
  return nullptr;
}

}  // namespace

int score_dotnet(const snippet& s) {
  int score = 0;
  if (s.text.find("SmtpClient") != std::string_view::npos) score += 10;
  if (s.text.find("EnableSsl") != std::string_view::npos ||
      s.text.find("enableSsl") != std::string_view::npos)
    score += 4;
  if (s.text.find("<network") != std::string_view::npos ||
      s.text.find("<mailSettings") != std::string_view::npos)
    score += 10;
  if (s.text.find("NetworkCredential") != std::string_view::npos) score += 3;
  if (s.text.find("SecureSocketOptions") != std::string_view::npos) score -= 8;
  if (connect_call(s) != nullptr) score -= 8;  // MailKit's SmtpClient connects with Connect()
  return score >= 10 ? score : 0;
}

void read_dotnet(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"dotnet-smtpclient", ""};
  for (const call* c : find_calls(s, "SmtpClient")) {
    if (!c->args.empty()) d.take("host", c->args[0], "SmtpClient(host)");
    if (c->args.size() >= 2) d.take("port", c->args[1], "SmtpClient(port)");
  }
  if (const entry* e = member(s, "Host")) d.take("host", *e, "Host");
  if (const entry* e = member(s, "Port")) d.take("port", *e, "Port");
  for (const call* c : find_calls(s, "NetworkCredential")) {
    if (c->args.size() >= 2) {
      d.take("username", c->args[0], "NetworkCredential");
      d.take("password", c->args[1], "NetworkCredential");
    }
  }
  if (const entry* e = member(s, "userName")) d.take("username", *e, "userName");
  if (const entry* e = member(s, "password")) d.take("password", *e, "password");
  for (const call* c : find_calls(s, "MailAddress")) {
    if (!c->args.empty()) {
      d.take("from", c->args[0], "MailAddress");
      break;
    }
  }
  if (const entry* e = member(s, "from"); e && e->quote != 0) d.take("from", *e, "from");
  if (!d.out.value.port) {
    bool given = false;
    for (const config_source& src : d.out.sources) given = given || src.field == "port";
    if (!given) {
      d.out.value.port = "25";
      d.assume("port", "No Port: SmtpClient uses 25.");
    }
  }
  const entry* ssl = member(s, "EnableSsl");
  if (ssl != nullptr) {
    d.security_from(*ssl, "EnableSsl");
    if (ssl->reference) return;
  }
  if (ssl && truthy(ssl->value)) {
    d.out.value.security = security_mode::starttls;
    d.out.assumptions.push_back(
        "EnableSsl = true is STARTTLS: SmtpClient cannot use implicit TLS.");
  } else {
    d.out.value.security = security_mode::none;
    if (!ssl)
      d.assume("security",
               "No EnableSsl: SmtpClient sends without TLS (EnableSsl defaults to false).");
  }
}

int score_mailkit(const snippet& s) {
  if (connect_call(s) == nullptr) return 0;
  int score = 12;
  if (s.text.find("SecureSocketOptions") != std::string_view::npos) score += 8;
  if (s.text.find("MailKit") != std::string_view::npos) score += 4;
  return score;
}

void read_mailkit(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"mailkit", ""};
  const call* c = connect_call(s);
  for (std::string_view n : {"Authenticate", "AuthenticateAsync"}) {
    for (const call* a : find_calls(s, n)) {
      if (a->args.size() >= 2) {
        d.take("username", a->args[0], "Authenticate(user)");
        d.take("password", a->args[1], "Authenticate(password)");
      }
    }
  }
  for (const call* m : find_calls(s, "MailboxAddress")) {
    if (m->args.size() >= 2) d.take("from", m->args[1], "MailboxAddress");
  }
  if (c == nullptr) return;
  d.take("host", c->args[0], "Connect(host)");
  if (c->args.size() >= 2) {
    d.take("port", c->args[1], "Connect(port)");
  }
  const bool on_465 = d.out.value.port && text::trim(*d.out.value.port) == "465";
  if (c->args.size() >= 3 && !c->args[2].reference) {
    d.security_from(c->args[2], "Connect(options)");
    if (c->args[2].value.find("SecureSocketOptions") != std::string::npos ||
        c->args[2].value == "true" || c->args[2].value == "false") {
      d.starttls.push_back({"Connect(options)", "SecureSocketOptions.StartTls", false, false});
    }
    const std::optional<mailkit_mode> m = mailkit_option(c->args[2].value, on_465);
    if (!m) {
      d.out.assumptions.push_back(
          "The third argument of Connect is computed: the security mode is "
          "not checked.");
      return;
    }
    d.out.value.security = m->mode;
    if (m->opportunistic) {
      d.out.assumptions.push_back(
          "This MailKit option uses STARTTLS only when the server offers "
          "it; SecureSocketOptions.StartTls makes it mandatory.");
    }
  } else if (c->args.size() >= 3) {
    d.security_from(c->args[2], "Connect(options)");
  } else {
    d.out.value.security = on_465 ? security_mode::tls : security_mode::starttls;
    d.assume("security",
             std::string("No SecureSocketOptions: MailKit's Auto uses ") +
                 (on_465 ? "implicit TLS on port 465." : "STARTTLS when the server offers it."));
  }
}

// appsettings.json: a mail section of a JSON document.
namespace {

struct json_name {
  std::string_view key;
  std::string_view field;
};
constexpr std::array json_names{
    json_name{"Host", "host"},
    json_name{"Server", "host"},
    json_name{"SmtpServer", "host"},
    json_name{"SmtpHost", "host"},
    json_name{"MailServer", "host"},
    json_name{"Port", "port"},
    json_name{"FromEmail", "from"},
    json_name{"SmtpPort", "port"},
    json_name{"UserName", "username"},
    json_name{"User", "username"},
    json_name{"Login", "username"},
    json_name{"SmtpUser", "username"},
    json_name{"SmtpUsername", "username"},
    json_name{"Password", "password"},
    json_name{"SmtpPassword", "password"},
    json_name{"Pass", "password"},
    json_name{"From", "from"},
    json_name{"FromEmail", "from"},
    json_name{"FromAddress", "from"},
    json_name{"SenderEmail", "from"},
    json_name{"Sender", "from"},
    json_name{"DefaultFrom", "from"},
    json_name{"Email", "from"},
    json_name{"Mail", "from"},
};

bool mail_section(std::string_view path) {
  return text::icontains(path, "smtp") || text::icontains(path, "mail");
}

// A key in a mail section ("Smtp", "EmailSettings"), or anywhere when the
// key itself says mail ("mailServer", "SmtpPort") or the document has such a key.
const entry* json_key(const snippet& s, std::string_view key) {
  bool mail_keys = false;
  for (const entry& e : s.code) mail_keys = mail_keys || mail_section(e.key);
  const entry* found = nullptr;
  for (const entry& e : s.code) {
    if (text::iequals(e.key, key) && (mail_section(e.path) || mail_section(key) || mail_keys))
      found = &e;
  }
  return found;
}

}  // namespace

int score_appsettings(const snippet& s) {
  const std::string_view t = text::trim(s.text);
  if (t.empty() || (t.front() != '{' && t.front() != '"')) return 0;
  int n = 0;
  for (const json_name& j : json_names) n += json_key(s, j.key) != nullptr;
  return n >= 2 ? 6 + n : 0;
}

void read_appsettings(const snippet& s, draft& d) {
  for (const json_name& j : json_names) {
    const entry* e = json_key(s, j.key);
    if (e == nullptr) continue;
    bool taken = false;
    for (const config_source& src : d.out.sources) taken = taken || src.field == j.field;
    if (!taken) d.take(j.field, *e);
  }
  const entry* enable_ssl = json_key(s, "EnableSsl");
  const entry* use_ssl = json_key(s, "UseSsl");
  if (!use_ssl) use_ssl = json_key(s, "Ssl");
  const entry* options = json_key(s, "SecureSocketOptions");
  if (!options) options = json_key(s, "Security");
  const bool on_465 = d.out.value.port && text::trim(*d.out.value.port) == "465";
  if (enable_ssl) {
    d.out.value.platform = platform_ref{"dotnet-smtpclient", ""};
    d.security_from(*enable_ssl);
    if (enable_ssl->reference) return;
    d.out.value.security =
        truthy(enable_ssl->value) ? security_mode::starttls : security_mode::none;
    d.out.assumptions.push_back(
        "EnableSsl is read as SmtpClient's: true is STARTTLS, false no TLS.");
  } else if (options) {
    d.out.value.platform = platform_ref{"mailkit", ""};
    d.security_from(*options);
    d.starttls.push_back({options->key, "StartTls", true, false});
    if (options->reference) return;
    const std::optional<mailkit_mode> m = mailkit_option(options->value, on_465);
    if (m) d.out.value.security = m->mode;
    d.out.assumptions.push_back(options->key + " is read as MailKit's SecureSocketOptions.");
  } else if (use_ssl) {
    d.out.value.platform = platform_ref{"mailkit", ""};
    d.security_from(*use_ssl);
    d.starttls.push_back({use_ssl->key, "false", false, false});
    if (use_ssl->reference) return;
    d.out.value.security = truthy(use_ssl->value) ? security_mode::tls : security_mode::starttls;
    d.out.assumptions.push_back(use_ssl->key +
                                " is read as MailKit's Connect(host, port, useSsl): "
                                "true is implicit TLS, false STARTTLS when the server offers it.");
  } else {
    d.out.assumptions.push_back(
        "No TLS setting in the section: what the application does is not "
        "known, so the security mode is not checked.");
  }
}

}  // namespace smtpcheck::config
