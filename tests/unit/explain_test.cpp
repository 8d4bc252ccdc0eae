#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "explain/cause.h"
#include "explain/patterns.h"
#include "explain/ports_in_text.h"
#include "explain/redact.h"
#include "explain/reply_codes.h"
#include "explain/sanitize.h"
#include "link/secret_shape.h"
#include "smtpcheck/catalog.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/json.h"

using namespace smtpcheck;

namespace {

std::vector<std::string> ids(const std::vector<finding>& findings) {
  std::vector<std::string> out;
  for (const finding& f : findings) out.push_back(f.id);
  return out;
}

// Xorshift: the next of a sequence that is the same on every run.
std::uint32_t next_xorshift(std::uint32_t& state) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

// The findings that name a cause, without the notes on which client
// printed the text and how a long log was read.
std::vector<finding> causes(const std::vector<finding>& findings) {
  std::vector<finding> out;
  for (const finding& f : findings) {
    if (f.id != "explain.client_recognised" && f.id != "explain.repeated_lines") out.push_back(f);
  }
  return out;
}

// By value: callers pass the temporary explain() returns.
finding only(const std::vector<finding>& all) {
  const std::vector<finding> findings = causes(all);
  REQUIRE(findings.size() == 1);
  return findings.front();
}

bool valid_utf8(std::string_view s) {
  // The JSON codec refuses invalid UTF-8 with an exception when asked to.
  try {
    (void)nlohmann::json(std::string(s))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

}  // namespace

TEST_CASE("wrong version number from OpenSSL 3 is implicit TLS on a STARTTLS port", "[explain]") {
  const finding f = only(explain("error:0A00010B:SSL routines::wrong version number"));
  CHECK(f.id == "explain.implicit_tls_on_starttls_port");
  CHECK(f.severity == severity::error);
  CHECK(f.fix.find("STARTTLS") != std::string::npos);
  CHECK(f.evidence == "error:0A00010B:SSL routines::wrong version number");
}

TEST_CASE("the same failure printed by different clients has the same cause", "[explain]") {
  for (const char* text :
       {"[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)",
        "javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?",
        "tls: first record does not look like a TLS handshake",
        "The handshake failed due to an unexpected packet format.",
        "error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol"}) {
    INFO(text);
    CHECK(only(explain(text)).id == "explain.implicit_tls_on_starttls_port");
  }
}

TEST_CASE("a token in the pasted text never appears anywhere in the output", "[explain][secrets]") {
  const std::string token = "f4c9a3b2-6d1e-4c7a-9b8e-2a1d3c4b5e6f";
  const std::string token_base64 = "ZjRjOWEzYjItNmQxZS00YzdhLTliOGUtMmExZDNjNGI1ZTZm";
  const std::string plain_base64 =
      "AGY0YzlhM2IyLTZkMWUtNGM3YS05YjhlLTJhMWQzYzRiNWU2ZgBmNGM5YTNiMi02ZDFlLTRjN2EtOWI4ZS0yYTFkM2M0"
      "YjVlNmY=";
  const std::string secret = "wJ8rT2mZbQ4nV7yL1cD5eF3gH6kP9sR";
  const std::string text = "Failed to authenticate on SMTP server with username \"" + token +
                           "\" using 3 authenticators\n"
                           "curl --user 'PM-T-outbound-Xk2f9Qa:" +
                           secret +
                           "' smtp://smtp.postmarkapp.com:587\n"
                           "send: 'AUTH PLAIN " +
                           plain_base64 +
                           "\\r\\n'\n"
                           " ~> AUTH LOGIN\n"
                           "<~  334 VXNlcm5hbWU6\n"
                           " ~> " +
                           token_base64 +
                           "\n"
                           "<~  334 UGFzc3dvcmQ6\n"
                           "\n"
                           " ~> " +
                           token_base64 +
                           "\n"
                           "MAIL_PASSWORD=" +
                           secret +
                           "\n"
                           "<~* 535 5.7.8 Authentication failed with " +
                           token +
                           "\n"
                           "Authentication failed for " +
                           token + " in a line longer than the evidence limit " +
                           std::string(400, '.') + token + "\n";
  for (const std::string& platform : {std::string(), std::string("nodemailer")}) {
    const std::string document = explain_document(text, platform);
    CHECK(document.find(token) == std::string::npos);
    CHECK(document.find(token_base64) == std::string::npos);
    CHECK(document.find(plain_base64) == std::string::npos);
    CHECK(document.find(secret) == std::string::npos);
    CHECK(document.find("PM-T-outbound") == std::string::npos);
    CHECK(document.find("explain.auth_failed") != std::string::npos);
  }
}

TEST_CASE("redaction keeps what is not a secret", "[explain][secrets]") {
  explaining::redactor r("PM-T-");
  CHECK(r.line("250-AUTH PLAIN LOGIN CRAM-MD5") == "250-AUTH PLAIN LOGIN CRAM-MD5");
  CHECK(r.line("command: 'AUTH PLAIN'") == "command: 'AUTH PLAIN'");
  CHECK(r.line("C: AUTH PLAIN AGFiYwBkZWY=") == "C: AUTH PLAIN <redacted>");
  CHECK(r.line("SMTP ERROR: Password command failed: 535 5.7.8 Authentication failed") ==
        "SMTP ERROR: Password command failed: 535 5.7.8 Authentication failed");
  CHECK(r.line("relay=smtp.postmarkapp.com[203.0.113.10]:25") ==
        "relay=smtp.postmarkapp.com[203.0.113.10]:25");
  CHECK(r.line("SERVER -> CLIENT: 334 VXNlcm5hbWU6") == "SERVER -> CLIENT: 334 VXNlcm5hbWU6");
  CHECK(r.line("CLIENT -> SERVER: dXNlcg==") == "CLIENT -> SERVER: <redacted>");
  CHECK(r.line("SERVER -> CLIENT: 334 UGFzc3dvcmQ6") == "SERVER -> CLIENT: 334 UGFzc3dvcmQ6");
  // PHPMailer hides the password itself; a reply after a challenge is no credential.
  CHECK(r.line("CLIENT -> SERVER: <credentials hidden>") ==
        "CLIENT -> SERVER: <credentials hidden>");
  CHECK(r.line("535 5.7.8 Authentication failed") == "535 5.7.8 Authentication failed");
}

TEST_CASE("a finding's prose is skipped by the redaction's quick check, an assignment is not",
          "[explain][secrets]") {
  // Colons in prose and in settings shown as code name no secret.
  CHECK_FALSE(explaining::may_hold_secret_value(
      "Where: The options of nodemailer.createTransport({...}). secure: false, port: 587"));
  // A secret's name before a colon goes to the full step, which keeps a placeholder.
  constexpr std::string_view placeholder = "pass: \"<your Server API Token>\"";
  CHECK(explaining::may_hold_secret_value(placeholder));
  CHECK(explaining::redact_secret_values(placeholder) == placeholder);
  for (std::string_view assignment :
       {"SMTP_PASSWORD=hunter2", "\"password\": \"hunter2\"", "MAIL_PASS : x", "'api_key' => 'x'",
        "smtp://user:pw@host", "AUTH PLAIN AGFiYwBkZWY=", "token 0123abcd0123abcd"}) {
    CHECK(explaining::may_hold_secret_value(assignment));
  }
  CHECK(explaining::redact_secret_values("SMTP_PASSWORD=hunter2") == "SMTP_PASSWORD=<redacted>");
}

TEST_CASE("the redaction's quick checks never pass over what the redaction would change",
          "[explain][secrets]") {
  // Random texts built from the pieces the redaction looks for, glued in any
  // order: whenever a quick check says "nothing here", redacting changes
  // nothing. (The fuzzer checks the same on any bytes.)
  constexpr std::array pieces{std::string_view("pass"),  std::string_view("SMTP_PASSWORD"),
                              std::string_view("token"), std::string_view("_key"),
                              std::string_view(":"),     std::string_view("="),
                              std::string_view("=>"),    std::string_view(" "),
                              std::string_view("\""),    std::string_view("'"),
                              std::string_view("PM-T-"), std::string_view("pm-t-"),
                              std::string_view("ab12"),  std::string_view("0123abcd"),
                              std::string_view("-"),     std::string_view("://"),
                              std::string_view("u:p@"),  std::string_view("AUTH "),
                              std::string_view("x"),     std::string_view("<v>"),
                              std::string_view("$V"),    std::string_view("Zz9+/"),
                              std::string_view("."),     std::string_view("\n")};
  std::uint32_t state = 88172645u;  // the same texts on every run
  auto next = [&state] { return next_xorshift(state); };
  int skipped_values = 0, skipped_words = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    for (std::uint32_t n = next() % 12; n > 0; --n) text += pieces[next() % pieces.size()];
    if (!explaining::may_hold_secret_value(text)) {
      ++skipped_values;
      REQUIRE(explaining::redact_secret_values(text) == text);
    }
    if (!link_codec::may_hold_secret_word(text)) {
      ++skipped_words;
      REQUIRE(link_codec::redact_secret_words(text, "<redacted>") == text);
    }
  }
  // Both checks skip texts, and both let some through.
  CHECK(skipped_values > 1000);
  CHECK(skipped_values < 99000);
  CHECK(skipped_words > 1000);
  CHECK(skipped_words < 99000);
}

TEST_CASE("binary garbage is not recognised and does not crash", "[explain]") {
  std::string garbage;
  std::uint32_t state = 2463534242u;  // the same bytes on every run
  for (int i = 0; i < 20000; ++i) garbage.push_back(static_cast<char>(next_xorshift(state) & 0xFF));
  garbage += std::string("\0\xff\xfe\xc0\x80\xed\xa0\x80", 8);
  const std::vector<finding> findings = explain(garbage);
  REQUIRE_FALSE(findings.empty());
  for (const finding& f : findings) {
    CHECK(find_catalog_entry(f.id) != nullptr);
    CHECK(valid_utf8(f.evidence));
  }
  CHECK(ids(causes(findings)) == std::vector<std::string>{"explain.not_recognised"});
  const auto document = nlohmann::json::parse(explain_document(garbage), nullptr, false);
  CHECK_FALSE(document.is_discarded());
}

TEST_CASE("control characters and invalid UTF-8 in evidence are replaced", "[explain]") {
  const std::string text = "\x1b[31mConnection refused\x07 \xff\xfe\x1b[0m";
  const finding f = only(explain(text));
  CHECK(f.id == "explain.connection_refused");
  CHECK(valid_utf8(f.evidence));
  CHECK(f.evidence.find('\x1b') == std::string::npos);
  CHECK(f.evidence.find('\x07') == std::string::npos);
  CHECK(f.evidence.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("evidence is the matched line, trimmed and at most about 200 bytes", "[explain]") {
  const std::string text = "   " + std::string(5000, 'x') + " Connection refused " +
                           std::string(5000, 'y') + "   \nsecond line";
  const finding f = only(explain(text));
  CHECK(f.evidence.size() <= 210);
  CHECK(f.evidence.find("Connection refused") != std::string::npos);
  CHECK(f.evidence.find("second line") == std::string::npos);
  CHECK(explaining::clip_around("  short line  ", 2, 200) == "short line");
}

TEST_CASE("a paste over 1 MiB is read up to 1 MiB, and said so", "[explain]") {
  std::string text = "Error: Greeting never received\n";
  while (text.size() < max_explain_bytes + 1024) {
    text += "2024-03-04 10:35:25 DEBUG nothing to see here\n";
  }
  const std::vector<finding> findings = explain(text);
  CHECK(ids(causes(findings)) ==
        std::vector<std::string>{"explain.greeting_not_received", "explain.input_truncated"});
  CHECK(findings.back().severity == severity::info);
  CHECK(findings.back().detail.find("1 MiB") != std::string::npos);

  // An error after the first 1 MiB is not read.
  const std::string late = text + "535 5.7.8 Authentication failed\n";
  const std::vector<finding> late_findings = explain(late);
  CHECK(late_findings.back().id == "explain.input_truncated");
  CHECK(std::none_of(late_findings.begin(), late_findings.end(),
                     [](const finding& f) { return f.id == "explain.auth_failed"; }));
}

TEST_CASE("a token cut by the 1 MiB limit is not quoted half-redacted", "[explain][secrets]") {
  const std::string token = "f4c9a3b2-6d1e-4c7a-9b8e-2a1d3c4b5e6f";
  std::string text;
  while (text.size() < max_explain_bytes - 20) text += "Connection refused\n";
  text += "Connection refused by " + token + "\n";  // straddles the limit
  const std::string document = explain_document(text);
  CHECK(document.find(token.substr(0, 12)) == std::string::npos);
  CHECK(document.find("explain.input_truncated") != std::string::npos);
}

TEST_CASE("empty and whitespace-only text asks for an error message", "[explain]") {
  CHECK(only(explain("")).id == "explain.empty");
  CHECK(only(explain(" \t\r\n \n")).id == "explain.empty");
}

TEST_CASE("text with no known error gives the manual tests", "[explain]") {
  const finding f = only(explain("Everything is fine, thanks"));
  CHECK(f.id == "explain.not_recognised");
  CHECK(f.severity == severity::info);
  CHECK(f.fix.find("`smtpcheck probe --host smtp.postmarkapp.com --port 587`") !=
        std::string::npos);
  CHECK(f.fix.find("`openssl s_client -starttls smtp -connect smtp.postmarkapp.com:587 -crlf`") !=
        std::string::npos);
}

TEST_CASE("port 25 in a timeout suggests 587 or 2525", "[explain]") {
  const finding f =
      only(explain("connect to smtp.postmarkapp.com[203.0.113.10]:25: Connection timed out"));
  CHECK(f.id == "explain.connect_timeout");
  CHECK(f.detail.find("block") != std::string::npos);
  CHECK(f.fix.find("587") != std::string::npos);
  CHECK(f.fix.find("2525") != std::string::npos);
}

TEST_CASE("anything on port 465 says to use 587 with STARTTLS", "[explain]") {
  for (const char* text :
       {"Couldn't connect to host, port: smtp.postmarkapp.com, 465; timeout -1; "
        "java.net.ConnectException: Connection timed out: connect",
        "Could not connect to SMTP host: smtp.postmarkapp.com, port: 465, response: -1",
        "Unable to connect to ssl://smtp.postmarkapp.com:465 (Connection refused)",
        "read ECONNRESET smtp.postmarkapp.com:465"}) {
    INFO(text);
    const finding f = only(explain(text));
    CHECK(f.detail.find("465") != std::string::npos);
    CHECK(f.fix.find("587") != std::string::npos);
    CHECK(f.fix.find("STARTTLS") != std::string::npos);
  }
}

TEST_CASE("a Nodemailer error gets a Nodemailer fix", "[explain]") {
  const std::string text =
      "Error: 80A8EBE8DC7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number\n"
      "    at TLSWrap.onStreamRead (node:internal/stream_base_commons:217:20) {\n"
      "  code: 'ESOCKET',\n"
      "  command: 'CONN'\n"
      "}";
  const finding f = only(explain(text));
  CHECK(f.id == "explain.implicit_tls_on_starttls_port");
  CHECK(f.fix.find("`secure: false, requireTLS: true` instead of `secure: true`") !=
        std::string::npos);
  CHECK(f.fix.find("(Nodemailer)") != std::string::npos);
}

TEST_CASE("a .NET error on port 587 gets EnableSsl", "[explain]") {
  const finding f = only(explain(
      "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client "
      "was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command "
      "first."));
  CHECK(f.id == "explain.starttls_required");
  CHECK(f.fix.find("`client.EnableSsl = true;`") != std::string::npos);
  CHECK(f.fix.find("587") != std::string::npos);
}

TEST_CASE("the platform given wins over the one in the text, and an unknown one is ignored",
          "[explain]") {
  const std::string text = "535 5.7.8 Authentication failed\n  code: 'EAUTH',";
  CHECK(only(explain(text, "django")).fix.find("EMAIL_HOST_PASSWORD") != std::string::npos);
  CHECK(only(explain(text, "no-such-platform")).fix.find("(Nodemailer)") != std::string::npos);
}

TEST_CASE("an IPv6 address in an unreachable error says to use IPv4", "[explain]") {
  const finding v6 =
      only(explain("Error: connect ENETUNREACH 2001:db8:4006:812::200e:587 - Local (:::0)"));
  CHECK(v6.id == "explain.network_unreachable");
  CHECK(v6.detail.find("IPv6") != std::string::npos);
  CHECK(v6.fix.find("IPv4") != std::string::npos);
  const finding v4 = only(explain("OSError: [Errno 101] Network is unreachable"));
  CHECK(v4.detail.find("IPv6") == std::string::npos);
}

TEST_CASE("a refused connection to localhost says the host setting is not loaded", "[explain]") {
  const finding f = only(explain("Error: connect ECONNREFUSED 127.0.0.1:587"));
  CHECK(f.id == "explain.connection_refused");
  CHECK(f.field == "host");
  CHECK(f.detail.find("localhost") != std::string::npos);
}

TEST_CASE("a misspelt host in a DNS failure is named", "[explain]") {
  const finding f = only(explain("Error: getaddrinfo ENOTFOUND smtp.postmarkap.com"));
  CHECK(f.id == "explain.dns_failure");
  CHECK(f.detail.find("\"smtp.postmarkap.com\"") != std::string::npos);
  CHECK(f.fix.find("smtp.postmarkapp.com") != std::string::npos);
}

TEST_CASE("535 asks for the Server API Token as username and password", "[explain]") {
  const finding f =
      only(explain("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Authentication failed')"));
  CHECK(f.id == "explain.auth_failed");
  CHECK(f.fix.find("Server API Token") != std::string::npos);
  CHECK(f.fix.find("Account API Token") != std::string::npos);
  CHECK(f.fix.find("spaces") != std::string::npos);
}

TEST_CASE("Missing credentials is no credentials, not a refused login", "[explain]") {
  CHECK(only(explain("Error: Missing credentials for \"PLAIN\"")).id ==
        "explain.credentials_missing");
  CHECK(only(explain("smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server."))
            .id == "explain.auth_not_offered");
}

TEST_CASE("530 with STARTTLS words is STARTTLS first, not missing authentication", "[explain]") {
  CHECK(only(explain(
                 "smtplib.SMTPSenderRefused: (530, b'5.7.0 Must issue a STARTTLS command first.', "
                 "'app@example.com')"))
            .id == "explain.starttls_required");
  CHECK(only(explain("Mail command failed: 530 5.7.0 Authentication required")).id ==
        "explain.auth_required");
}

TEST_CASE("several causes in one log come out once each, in the order of the text", "[explain]") {
  const std::string text =
      "connect to smtp.postmarkapp.com:25 failed: Connection timed out\n"
      "retrying on smtp.postmarkapp.com:587\n"
      "535 5.7.8 Authentication failed\n"
      "connect to smtp.postmarkapp.com:25 failed: Connection timed out\n"
      "454 4.7.0 TLS not available due to local problem\n";
  CHECK(ids(explain(text)) == std::vector<std::string>{"explain.connect_timeout",
                                                       "explain.auth_failed",
                                                       "explain.temporary_failure"});
}

TEST_CASE("a generic message gives way to the specific one next to it", "[explain]") {
  const std::string text =
      "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an "
      "SSL or TLS connection.\n"
      "The server's SSL certificate could not be validated for the following reasons:\n"
      "• The root certificate has the following errors: UntrustedRoot\n";
  CHECK(only(explain(text)).id == "explain.certificate_untrusted");
  CHECK(only(explain("SMTP connect() failed. Connection refused")).id ==
        "explain.connection_refused");
}

TEST_CASE("MailKit's list of possible reasons is not read as the reason", "[explain]") {
  const std::string text =
      "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an "
      "SSL or TLS connection.\n"
      "1. The server is using a self-signed certificate which cannot be verified.\n"
      "4. The certificate presented by the server is expired or invalid.\n";
  CHECK(only(explain(text)).id == "explain.tls_handshake_failed");
}

TEST_CASE("a Python traceback's source lines are not read as the error", "[explain]") {
  const std::string text =
      "  File \"/usr/lib/python3.12/smtplib.py\", line 398, in getreply\n"
      "    raise SMTPServerDisconnected(\"Connection unexpectedly closed: \"\n"
      "smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out\n";
  const finding f = only(explain(text));
  CHECK(f.id == "explain.greeting_not_received");
  CHECK(f.evidence.starts_with("smtplib.SMTPServerDisconnected"));
}

TEST_CASE("reply codes are read where clients quote them, and nowhere else", "[explain]") {
  auto codes = [](std::string_view line) {
    std::vector<int> out;
    for (const auto& r : explaining::find_reply_codes(line)) out.push_back(r.code);
    return out;
  };
  CHECK(codes("535 5.7.8 Authentication failed") == std::vector<int>{535});
  CHECK(codes("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Authentication failed')") ==
        std::vector<int>{535});
  CHECK(codes("MailKit.Security.AuthenticationException: 535: 5.7.8 Authentication failed") ==
        std::vector<int>{535});
  CHECK(codes("<** 535 Authentication failed") == std::vector<int>{535});
  CHECK(codes("but got code \"535\", with message") == std::vector<int>{535});
  CHECK(codes("in AbstractSmtpTransport.php:457").empty());
  CHECK(codes("#0 Mailer.php(341): send()").empty());
  CHECK(codes("Failed to connect after 535 ms").empty());
  CHECK(codes("connect to 203.0.113.10:25 port 465").empty());
}

TEST_CASE("the port is read from the forms clients print", "[explain]") {
  using explaining::find_port;
  CHECK(find_port("Unable to connect to ssl://smtp.postmarkapp.com:465 (Connection timed out)") ==
        465);
  CHECK(find_port("Failed to connect to smtp.postmarkapp.com port 25 after 130551 ms") == 25);
  CHECK(find_port("Couldn't connect to host, port: smtp.postmarkapp.com, 587; timeout -1;") == 587);
  CHECK(find_port("connect to smtp.postmarkapp.com[2001:db8::1]:587: Network is unreachable") ==
        587);
  CHECK(find_port("connect ENETUNREACH 2001:db8:4006:812::200e:587 - Local (:::0)") == 587);
  CHECK(find_port("server = smtplib.SMTP(\"smtp.postmarkapp.com\", 2525)") == 2525);
  CHECK(find_port("Connection refused - connect(2) for \"localhost\" port 25") == 25);
  CHECK_FALSE(find_port("2024-03-04 10:35:25 SERVER -> CLIENT: 220 ready"));
  CHECK_FALSE(find_port("ssl.SSLError: wrong version number (_ssl.c:1006)"));
  CHECK_FALSE(find_port("at SMTPConnection._onError (/app/lib/smtp-connection/index.js:784:20)"));
  CHECK_FALSE(find_port("transport: 587 messages"));
}

TEST_CASE("every pattern names an explain id that has a builder", "[explain][catalog]") {
  auto has_builder = [](fid cause) {
    for (const auto table :
         {explaining::connection_causes(), explaining::tls_causes(), explaining::reply_causes()}) {
      for (const auto& b : table) {
        if (b.cause == cause) return true;
      }
    }
    return false;
  };
  for (const auto& p : explaining::text_patterns()) {
    INFO(p.words);
    CHECK(has_builder(p.cause));
  }
  for (const auto& p : explaining::reply_patterns()) {
    INFO(p.code);
    CHECK(has_builder(p.cause));
  }
}

TEST_CASE("every explained finding has a detail, a fix and evidence", "[explain]") {
  for (const char* text : {"Connection timed out",
                           "ECONNREFUSED",
                           "ENOTFOUND smtp.example.com",
                           "Network is unreachable",
                           "Connection reset by peer",
                           "Greeting never received",
                           "wrong version number",
                           "tlsv1 alert protocol version",
                           "sslv3 alert handshake failure",
                           "CERTIFICATE_VERIFY_FAILED",
                           "Hostname/IP does not match certificate's altnames",
                           "CERT_HAS_EXPIRED",
                           "535 5.7.8 Authentication failed",
                           "530 5.7.0 Authentication required",
                           "SMTP AUTH extension not supported by server",
                           "Missing credentials for \"PLAIN\"",
                           "530 5.7.0 Must issue a STARTTLS command first",
                           "Sender address rejected",
                           "421 4.7.0 Try again later",
                           "552 5.3.4 Message size exceeds fixed maximum message size",
                           "SMTP connect() failed.",
                           "Server does not support secure connections."}) {
    INFO(text);
    const finding f = only(explain(text));
    CHECK(f.id.starts_with("explain."));
    CHECK_FALSE(f.detail.empty());
    CHECK_FALSE(f.fix.empty());
    CHECK_FALSE(f.evidence.empty());
  }
}

TEST_CASE("a worst-case paste is explained in linear-ish time", "[explain]") {
  // One 64 KiB line that nearly matches many patterns at every position.
  std::string text;
  while (text.size() < max_explain_bytes) text += "Connection tim certificate ver 53";
  const auto start = std::chrono::steady_clock::now();
  const std::vector<finding> findings = explain(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(findings.empty());
  CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("Windows socket errors are recognised by number, whatever the language around them",
          "[explain][languages]") {
  CHECK(only(explain("ConnectionRefusedError: [WinError 10061] Verbindung verweigert")).id ==
        "explain.connection_refused");
  CHECK(only(explain("System.Net.Sockets.SocketException (10060): Zeitüberschreitung")).id ==
        "explain.connect_timeout");
  CHECK(only(explain("Tls(Io(Os { code: 11001, kind: Uncategorized, message: \"?\" }))")).id ==
        "explain.dns_failure");
  CHECK(only(explain("error 10054 while reading")).id == "explain.connection_reset");
  // The same digits that are not an error number are nothing.
  CHECK(only(explain("job 10061 queued, size=10060")).id == "explain.not_recognised");
}

TEST_CASE("Windows' own texts in six languages are recognised, findings stay in English",
          "[explain][languages]") {
  struct worded {
    std::string text;
    std::string cause;
  };
  // Windows' messages for 10060, 10061, 10054 and 11001 (sources in
  // tests/data/explain/corpus/windows_languages.jsonl).
  const std::vector<worded> texts{
      {"Ein Verbindungsversuch ist fehlgeschlagen, da die Gegenstelle nach einer bestimmten "
       "Zeitspanne nicht richtig reagiert hat",
       "explain.connect_timeout"},
      {"Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung "
       "verweigerte",
       "explain.connection_refused"},
      {"Eine vorhandene Verbindung wurde vom Remotehost geschlossen", "explain.connection_reset"},
      {"Der angegebene Host ist unbekannt", "explain.dns_failure"},
      {"Une tentative de connexion a échoué car le parti connecté n’a pas répondu "
       "convenablement au-delà d’une certaine durée",
       "explain.connect_timeout"},
      {"Aucune connexion n’a pu être établie car l’ordinateur cible l’a expressément refusée",
       "explain.connection_refused"},
      {"Une connexion existante a dû être fermée par l’hôte distant", "explain.connection_reset"},
      {"Hôte inconnu", "explain.dns_failure"},
      {"Se produjo un error durante el intento de conexión ya que la parte conectada no respondió "
       "adecuadamente tras un periodo de tiempo",
       "explain.connect_timeout"},
      {"No se puede establecer una conexión ya que el equipo de destino denegó expresamente "
       "dicha conexión",
       "explain.connection_refused"},
      {"Se ha forzado la interrupción de una conexión existente por el host remoto",
       "explain.connection_reset"},
      {"No se conoce ese host", "explain.dns_failure"},
      {"Uma tentativa de conexão falhou porque o componente conectado não respondeu "
       "corretamente após um período de tempo",
       "explain.connect_timeout"},
      {"Nenhuma conexão pôde ser feita porque a máquina de destino as recusou ativamente",
       "explain.connection_refused"},
      {"Foi forçado o cancelamento de uma conexão existente pelo host remoto",
       "explain.connection_reset"},
      {"Este host não é conhecido.", "explain.dns_failure"},
      {"接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかったため、接続できませんでした。",
       "explain.connect_timeout"},
      {"対象のコンピューターによって拒否されたため、接続できませんでした。",
       "explain.connection_refused"},
      {"既存の接続はリモート ホストに強制的に切断されました。", "explain.connection_reset"},
      {"そのようなホストは不明です。", "explain.dns_failure"},
      {"由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。",
       "explain.connect_timeout"},
      {"由于目标计算机积极拒绝，无法连接。", "explain.connection_refused"},
      {"远程主机强迫关闭了一个现有的连接。", "explain.connection_reset"},
      {"不知道这样的主机。", "explain.dns_failure"},
  };
  for (const worded& w : texts) {
    INFO(w.text);
    const finding f = only(explain(w.text));
    CHECK(f.id == w.cause);
    // English findings: the catalog's title, not the pasted words.
    CHECK(f.title == find_catalog_entry(f.id)->title);
  }
}

TEST_CASE("an unrecognised text says which kind of failure it resembles and what to run",
          "[explain]") {
  const finding tls = only(explain("newsletter: TLS problem while talking to the relay"));
  CHECK(tls.id == "explain.not_recognised");
  CHECK(tls.detail.find("reads most like a TLS failure") != std::string::npos);
  CHECK(tls.fix.find("`smtpcheck probe --host smtp.postmarkapp.com --port 587`") !=
        std::string::npos);
  const finding login = only(explain("the relay said our login was wrong"));
  CHECK(login.detail.find("authentication failure") != std::string::npos);
  const finding nothing = only(explain("Everything is fine, thanks"));
  CHECK(nothing.detail.find("reads most like") == std::string::npos);
  CHECK(nothing.fix.find("Paste the full error") != std::string::npos);
}

TEST_CASE("a whole log: each cause once, in order, its repeats counted, secrets redacted",
          "[explain][logs]") {
  std::string log;
  for (int i = 0; i < 300; ++i) {
    log += "2026-05-02 09:00:" + std::to_string(10 + i % 50) + " INFO worker[" +
           std::to_string(300 + i) + "]: job " + std::to_string(i) + " queued\n";
    if (i % 10 == 3) {
      log += "2026-05-02 09:00:" + std::to_string(10 + i % 50) +
             " WARN mailer: connect to smtp.postmarkapp.com:25 failed: [Errno 110] Connection "
             "timed out\n";
    }
  }
  log +=
      "2026-05-02 09:10:00 ERROR mailer: login as f4c9a3b2-6d1e-4c7a-9b8e-2a1d3c4b5e6f: (535, "
      "b'5.7.8 Authentication failed')\n";
  const std::vector<finding> findings = explain(log);
  CHECK(ids(findings) == std::vector<std::string>{"explain.connect_timeout", "explain.auth_failed",
                                                  "explain.repeated_lines"});
  CHECK(findings[0].detail.find("appears 30 times in the text, first as line 5") !=
        std::string::npos);
  CHECK(findings[0].evidence.find("Connection timed out") != std::string::npos);
  CHECK(findings[1].evidence.find("<token>") != std::string::npos);
  CHECK(explain_document(log).find("f4c9a3b2") == std::string::npos);
  CHECK(findings[2].severity == severity::info);
  CHECK(findings[2].detail.find("The text has 331 lines") != std::string::npos);
}

TEST_CASE("the client that printed the text is named, with its platform id", "[explain]") {
  const std::vector<finding> findings =
      explain("Error: Invalid login: 535 Authentication failed\n  code: 'EAUTH',");
  REQUIRE(findings.size() == 2);
  CHECK(findings[1].id == "explain.client_recognised");
  CHECK(findings[1].fix.find("`nodemailer`") != std::string::npos);
  CHECK(findings[1].evidence.find("code: 'EAUTH'") != std::string::npos);
  // A platform given by the caller is not recognised again.
  CHECK(ids(explain("535 5.7.8 Authentication failed\n  code: 'EAUTH',", "nodemailer")) ==
        std::vector<std::string>{"explain.auth_failed"});
}
