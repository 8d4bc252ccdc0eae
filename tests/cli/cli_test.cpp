// The smtpcheck program, run as a real process: exit codes, output formats,
// and the rule that a token never reaches the command line or the output.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../golden/golden_files.h"
#include "run_process.h"
#include "smtpcheck/provider.h"

using smtpcheck::testing::process_options;
using smtpcheck::testing::process_result;
using smtpcheck::testing::run_process;

namespace {

// Obviously fake, and shaped like a Server API Token.
const std::string fake_token = "00000000-1111-2222-3333-444444444444";

process_result run_smtpcheck(std::vector<std::string> args, process_options options = {}) {
  args.insert(args.begin(), SMTPCHECK_BIN);
  options.env.emplace("NO_COLOR", "");
  return run_process(args, options);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// True when `text` holds a byte a terminal would act on: a C0 control other
// than the line break, DEL, or a C1 control (U+0080-U+009F) in UTF-8.
bool has_control_character(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("--version prints the version and exits 0", "[cli]") {
  const auto r = run_smtpcheck({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("smtpcheck ", 0) == 0);
}

TEST_CASE("--help names every command and the exit codes", "[cli]") {
  const auto r = run_smtpcheck({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* word : {"check", "explain", "link", "catalog", "Exit codes"})
    CHECK(contains(r.out, word));
  for (const char* command : {"check", "explain", "link", "catalog"}) {
    const auto sub = run_smtpcheck({command, "--help"});
    INFO(command);
    CHECK(sub.exit_code == 0);
    CHECK(contains(sub.out, std::string("smtpcheck ") + command));
  }
}

TEST_CASE("port 465 with implicit TLS exits 1 and says to use 587 with STARTTLS",
          "[cli][acceptance]") {
  const auto r = run_smtpcheck(
      {"check", "--host", "smtp.postmarkapp.com", "--port", "465", "--security", "tls"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "port.465_unsupported"));
  CHECK(contains(r.out, "Set the port to 587 and the security to STARTTLS"));
}

TEST_CASE("each finding's text ends with the provider's help page as Learn more", "[cli][docs]") {
  const auto r = run_smtpcheck({"check", "--host", "smtp.sendgrid.net", "--port", "2525"});
  CHECK(contains(r.out, "    Learn more: https://www.twilio.com/docs/sendgrid/"));
  CHECK_FALSE(contains(r.out, "Learn more: https://postmarkapp.com"));
}

TEST_CASE("correct settings exit 0", "[cli]") {
  const auto r = run_smtpcheck(
      {"check", "--host", "smtp.postmarkapp.com", "--port", "587", "--security", "starttls",
       "--from", "billing@acme.io", "--username-env", "T", "--password-env", "T"},
      {.env = {{"T", fake_token}}});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "No errors or warnings."));
}

TEST_CASE("check --json prints exactly a findings document", "[cli][json]") {
  const auto r =
      run_smtpcheck({"check", "--host", "smtp.postmarkapp.com", "--port", "25", "--json"});
  CHECK(r.exit_code == 0);  // port 25 is a warning, not an error
  const auto doc = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(doc.is_object());
  CHECK(doc.size() == 2);
  CHECK(doc["schema"] == "smtpcheck/findings/v1");
  REQUIRE(doc["findings"].is_array());
  for (const auto& f : doc["findings"]) {
    for (const char* key : {"id", "severity", "field", "title", "detail", "fix"})
      CHECK(f.contains(key));
  }
}

TEST_CASE("check --json gives the golden output for every settings case", "[cli][golden]") {
  for (const auto& c : smtpcheck::golden::cases("settings", ".json")) {
    const auto r = run_smtpcheck({"check", "--settings", c.input.string(), "--json"});
    INFO(c.input.filename().string());
    CHECK(r.out == smtpcheck::golden::read_file(c.expected));
    CHECK((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2));
  }
}

TEST_CASE("explain --json gives the golden output for every explain case", "[cli][golden]") {
  for (const auto& c : smtpcheck::golden::cases("explain", ".txt")) {
    std::vector<std::string> args{"explain", "-", "--json"};
    if (const std::string p = smtpcheck::golden::provider_of(c.input); !p.empty()) {
      args.insert(args.end(), {"--provider", p});
    }
    const auto r = run_smtpcheck(args, {.stdin_data = smtpcheck::golden::read_text_input(c.input)});
    INFO(c.input.filename().string());
    CHECK(r.out == smtpcheck::golden::read_file(c.expected));
  }
}

TEST_CASE("explain names the implicit TLS mismatch for wrong version number", "[cli][acceptance]") {
  const auto r = run_smtpcheck({"explain", "error:0A00010B:SSL routines::wrong version number"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "explain.implicit_tls_on_starttls_port"));
  CHECK(contains(r.out, "STARTTLS"));
  CHECK(contains(r.out, "587"));
}

TEST_CASE("explain reads standard input with -", "[cli]") {
  const auto r =
      run_smtpcheck({"explain", "-"}, {.stdin_data = "535 5.7.8 Authentication failed\n"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "explain.auth_failed"));
}

TEST_CASE("a token on the command line is refused with exit 2, and not repeated",
          "[cli][secrets]") {
  for (const char* option : {"--password", "--username", "--token"}) {
    const auto r = run_smtpcheck({"check", "--host", "smtp.postmarkapp.com", option, fake_token});
    INFO(option);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "ps"));
    CHECK_FALSE(contains(r.out + r.err, fake_token));
  }
}

TEST_CASE("a token from the environment or stdin is never printed", "[cli][secrets]") {
  // With and without the usual copy-paste damage, in human and JSON output.
  for (const std::string& token :
       {fake_token, fake_token + "\n", " " + fake_token, "\"" + fake_token + "\""}) {
    for (bool json : {false, true}) {
      std::vector<std::string> args{
          "check",          "--host", "smtp.postmarkapp.com", "--port", "587",
          "--username-env", "TOKEN",  "--password-env",       "TOKEN"};
      if (json) args.push_back("--json");
      const auto r = run_smtpcheck(args, {.env = {{"TOKEN", token}}});
      CHECK_FALSE(contains(r.out + r.err, fake_token));
      CHECK(r.exit_code != 2);
    }
  }
  const auto piped = run_smtpcheck(
      {"check", "--host", "smtp.postmarkapp.com", "--password-stdin", "--username-env", "TOKEN"},
      {.stdin_data = "11111111-2222-3333-4444-555555555555\n", .env = {{"TOKEN", fake_token}}});
  CHECK(contains(piped.out, "credentials.account_token_suspected"));
  CHECK_FALSE(contains(piped.out + piped.err, fake_token));
  CHECK_FALSE(contains(piped.out + piped.err, "11111111-2222-3333-4444-555555555555"));
}

TEST_CASE("a made link never carries the token", "[cli][secrets][link]") {
  const auto r = run_smtpcheck(
      {"link", "--host", "smtp.postmarkapp.com", "--port", "587", "--from", "billing@acme.io",
       "--username-env", "T", "--password-env", "T", "--base", "https://help.example.com/smtp"},
      {.env = {{"T", fake_token}}});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("https://help.example.com/smtp#v=1", 0) == 0);
  CHECK(contains(r.out, "host=smtp.postmarkapp.com"));
  CHECK_FALSE(contains(r.out + r.err, fake_token));
  const auto json =
      run_smtpcheck({"link", "--host", "smtp.postmarkapp.com", "--password-env", "T", "--json"},
                    {.env = {{"T", fake_token}}});
  CHECK(nlohmann::json::parse(json.out, nullptr, false)["schema"] == "smtpcheck/link/v1");
  CHECK_FALSE(contains(json.out + json.err, fake_token));
}

TEST_CASE("a token pasted into the host is left out of the link and its JSON",
          "[cli][secrets][link]") {
  const auto r = run_smtpcheck({"link", "--host", fake_token, "--port", "587", "--json"});
  CHECK(contains(r.out, "link.secret_dropped"));
  CHECK_FALSE(contains(r.out + r.err, fake_token));
  const auto doc = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(doc.is_object());
  CHECK_FALSE(doc["settings"].contains("host"));
}

TEST_CASE("a link read back gives its settings", "[cli][link]") {
  const auto made =
      run_smtpcheck({"link", "--host", "smtp.postmarkapp.com", "--port", "2525", "--security",
                     "starttls", "--base", "https://help.example.com/smtp"});
  REQUIRE(made.exit_code == 0);
  std::string fragment = made.out.substr(0, made.out.find('\n'));
  const auto r = run_smtpcheck({"link", "--parse", fragment, "--json"});
  const auto doc = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(doc.is_object());
  CHECK(doc["settings"]["host"] == "smtp.postmarkapp.com");
  CHECK(doc["settings"]["port"] == 2525);
  CHECK(doc["settings"]["security"] == "starttls");
}

TEST_CASE("a link without a page to open it on exits 2 and says why", "[cli][link][errors]") {
  const auto r = run_smtpcheck({"link", "--host", "smtp.postmarkapp.com", "--port", "587"},
                               {.env = {{"SMTPCHECK_LINK_BASE", ""}}});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "--base"));
  CHECK(contains(r.err, "SMTPCHECK_LINK_BASE"));
  const auto from_env =
      run_smtpcheck({"link", "--host", "smtp.postmarkapp.com"},
                    {.env = {{"SMTPCHECK_LINK_BASE", "https://help.example.com/smtp"}}});
  CHECK(from_env.exit_code == 0);
  CHECK(from_env.out.rfind("https://help.example.com/smtp#v=1&host=smtp.postmarkapp.com", 0) == 0);
}

TEST_CASE("a field left out of a link for holding a secret is named", "[cli][link][secrets]") {
  const auto r = run_smtpcheck(
      {"link", "--host", fake_token, "--port", "587", "--base", "https://help.example.com/smtp"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "Left out of the link: host"));
  CHECK_FALSE(contains(r.out + r.err, fake_token));
}

TEST_CASE("--security ssl and SSL/TLS are read as tls, with a note", "[cli][security]") {
  for (const char* word : {"ssl", "SSL/TLS", " SSL "}) {
    INFO(word);
    const auto r = run_smtpcheck(
        {"check", "--host", "smtp.postmarkapp.com", "--port", "465", "--security", word, "--json"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "security.synonym_read"));
    CHECK(contains(r.out, "port.465_unsupported"));
    CHECK_FALSE(contains(r.out, "security.invalid"));
  }
}

TEST_CASE("settings can come from a file or from standard input", "[cli]") {
  const std::string doc = R"({"host": "smtp.postmarkapp.com", "port": 465, "security": "tls"})";
  const auto r = run_smtpcheck({"check", "--settings", "-", "--json"}, {.stdin_data = doc});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "port.465_unsupported"));
  // Flags override the document.
  const auto overridden = run_smtpcheck(
      {"check", "--settings", "-", "--port", "587", "--security", "starttls"}, {.stdin_data = doc});
  CHECK_FALSE(contains(overridden.out, "port.465_unsupported"));
}

TEST_CASE("usage mistakes exit 2 with a message on stderr", "[cli][errors]") {
  const std::vector<std::vector<std::string>> mistakes{
      {"frobnicate"},
      {"check"},
      {"check", "--json"},
      {"check", "--no-such-option"},
      {"check", "--port"},
      {"check", "--security", "ftp"},
      {"check", "--settings", "/nonexistent/settings.json"},
      {"check", "--password-env", "SMTPCHECK_TEST_UNSET_VARIABLE"},
      {"check", "--settings", "-", "--password-stdin"},
      {"explain"},
      {"link", "--parse"},
  };
  for (const auto& args : mistakes) {
    const auto r = run_smtpcheck(args);
    INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "smtpcheck: "));
  }
  const auto missing = run_smtpcheck({"check", "--settings", "/nonexistent/settings.json"});
  CHECK(contains(missing.err, "/nonexistent/settings.json"));
}

TEST_CASE("unreadable settings exit 2 with a finding that says where", "[cli][errors]") {
  const auto malformed =
      run_smtpcheck({"check", "--settings", "-", "--json"},
                    {.stdin_data = "{\n  \"host\": \"smtp.postmarkapp.com\",\n  port: 587\n}"});
  CHECK(malformed.exit_code == 2);
  CHECK(contains(malformed.out, "settings.malformed_json"));
  CHECK(contains(malformed.out, "line 3"));

  std::string binary(4096, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7 + 3);
  const auto garbage =
      run_smtpcheck({"check", "--settings", "-", "--json"}, {.stdin_data = binary});
  CHECK(garbage.exit_code == 2);
  CHECK(nlohmann::json::parse(garbage.out, nullptr, false).is_object());

  const std::string huge = "{\"host\": \"" + std::string(1 << 20, 'a') + "\"}";
  const auto big = run_smtpcheck({"check", "--settings", "-"}, {.stdin_data = huge});
  CHECK(big.exit_code == 2);
  CHECK(contains(big.out, "settings.too_large"));
}

TEST_CASE("colour is used on a terminal unless NO_COLOR is set", "[cli][output]") {
  const std::vector<std::string> args{SMTPCHECK_BIN,          "check",  "--host",
                                      "smtp.postmarkapp.com", "--port", "465"};
  const auto coloured =
      run_process(args, {.env = {{"NO_COLOR", ""}, {"TERM", "xterm"}}, .terminal = true});
  CHECK(contains(coloured.out, "\x1b["));
  const auto plain =
      run_process(args, {.env = {{"NO_COLOR", "1"}, {"TERM", "xterm"}}, .terminal = true});
  CHECK_FALSE(contains(plain.out, "\x1b["));
  CHECK(contains(plain.out, "port.465_unsupported"));
  const auto piped = run_smtpcheck({"check", "--host", "smtp.postmarkapp.com", "--port", "465"});
  CHECK_FALSE(contains(piped.out, "\x1b["));
}

TEST_CASE("a control character in a setting reaches the terminal only as U+FFFD", "[cli][output]") {
  // Clear the screen, recolour, ring the bell, return to the line's start:
  // in every setting a finding quotes, and in the provider the heading names.
  const std::string doc = R"({"host": "smtp\u001b[2J.postmarkapp.com", "port": "58\u001b[31m7",
    "security": "tls\u0007", "from": "billing\r@example\u009b2J.com",
    "verified_senders": ["example\u001b]0;title\u0007.com"],
    "platform": {"id": "node\u001b[8m", "version": "20\u007f.1"}})";
  const auto text = run_smtpcheck({"check", "--settings", "-"}, {.stdin_data = doc});
  CHECK_FALSE(has_control_character(text.out + text.err));
  CHECK(contains(text.out, "\xEF\xBF\xBD"));  // U+FFFD where each one was
  const auto provider = run_smtpcheck({"check", "--settings", "-"},
                                      {.stdin_data = R"({"provider": "post\u001b[2Jmark"})"});
  CHECK_FALSE(has_control_character(provider.out + provider.err));
  const auto flags = run_smtpcheck({"check", "--host", "smtp.postmarkapp.com\x1b[2J", "--platform",
                                    "x\x1b[2J", "--port", "5\x1b[2J"});
  CHECK_FALSE(has_control_character(flags.out + flags.err));
  // On a terminal only the program's own colours are escape sequences.
  const auto coloured =
      run_process({SMTPCHECK_BIN, "check", "--host", "smtp.postmarkapp.com\x1b[2J", "--platform",
                   "x\x1b[8m", "--from", "a\x07@example.com"},
                  {.env = {{"NO_COLOR", ""}, {"TERM", "xterm"}}, .terminal = true});
  CHECK(contains(coloured.out, "\x1b[1m"));
  CHECK_FALSE(contains(coloured.out, "\x1b[2J"));
  CHECK_FALSE(contains(coloured.out, "\x1b[8m"));
  CHECK_FALSE(contains(coloured.out, "\x07"));
  // The JSON document keeps what was typed, escaped as JSON escapes it.
  const auto json = run_smtpcheck({"check", "--settings", "-", "--json"}, {.stdin_data = doc});
  CHECK(contains(json.out, "\\u001b[2j.postmarkapp.com"));
}

TEST_CASE("the catalog lists every id, as text and as JSON", "[cli]") {
  const auto text = run_smtpcheck({"catalog"});
  CHECK(text.exit_code == 0);
  CHECK(contains(text.out, "port.465_unsupported"));
  for (const smtpcheck::provider_profile* p : smtpcheck::providers()) {
    INFO(p->id);
    CHECK(contains(text.out, "  " + std::string(p->id) + "  " + std::string(p->name)));
  }
  const auto json = nlohmann::json::parse(run_smtpcheck({"catalog", "--json"}).out, nullptr, false);
  REQUIRE(json.is_object());
  CHECK(json["schema"] == "smtpcheck/catalog/v1");
  CHECK(json["findings"].size() > 90);
}

TEST_CASE("catalog --provider prints one provider as the widget's form shows it",
          "[cli][provider]") {
  const auto sendgrid = run_smtpcheck({"catalog", "--provider", "sendgrid", "--json"});
  CHECK(sendgrid.exit_code == 0);
  const auto doc = nlohmann::json::parse(sendgrid.out, nullptr, false);
  REQUIRE(doc.is_object());
  CHECK(doc["schema"] == "smtpcheck/provider/v1");
  CHECK(doc["provider"]["primary_host"] == "smtp.sendgrid.net");
  CHECK(doc["provider"]["fields"]["username"]["placeholder"] == "apikey");
  CHECK(doc["provider"]["working_settings"][3] ==
        nlohmann::json{{"field", "username"}, {"words", "apikey"}, {"value", "apikey"}});
  CHECK(doc["findings"].empty());

  const auto by_default =
      nlohmann::json::parse(run_smtpcheck({"catalog", "--provider", "", "--json"}).out);
  CHECK(by_default["provider"]["id"] == "postmark");

  const auto unknown = run_smtpcheck({"catalog", "--provider", "acme-relay", "--json"});
  CHECK(unknown.exit_code == 1);
  const auto none = nlohmann::json::parse(unknown.out);
  CHECK(none["provider"].is_null());
  CHECK(none["findings"][0]["id"] == "settings.unknown_provider");

  CHECK(run_smtpcheck({"catalog", "--provider", "sendgrid"}).exit_code == 2);  // JSON only
}

TEST_CASE("help examples come from the default provider's profile", "[cli][provider]") {
  const auto help = run_smtpcheck({"check", "--help"});
  CHECK(contains(help.out, "--host NAME             SMTP host, e.g. smtp.postmarkapp.com"));
  CHECK(contains(help.out,
                 "smtpcheck check --host smtp.postmarkapp.com --port 587 --security starttls"));
  for (const char* id : {"amazon-ses", "brevo", "mailgun", "postmark", "resend", "sendgrid"})
    CHECK(contains(help.out, id));
  CHECK_FALSE(contains(help.out, "{host}"));
  const auto probe = run_smtpcheck({"probe", "--help"});
  CHECK(contains(probe.out, "e.g. 2525,587"));
  CHECK_FALSE(contains(probe.out,
                       "{"
                       "ports}"));
}

TEST_CASE("check --config - reads a pasted .env, answers in its syntax and never prints the token",
          "[cli][config]") {
  const std::string env =
      "MAIL_HOST=smtp.postmarkapp.com\nMAIL_PORT=465\nMAIL_ENCRYPTION=ssl\nMAIL_USERNAME=" +
      fake_token + "\nMAIL_PASSWORD=" + fake_token + "\n";
  const auto human = run_smtpcheck({"check", "--config", "-"}, {.stdin_data = env});
  CHECK(human.exit_code == 1);
  CHECK(contains(human.out, "Read as Laravel .env"));
  CHECK(contains(human.out, "MAIL_PORT=587"));
  CHECK(contains(human.out, "MAIL_ENCRYPTION=tls"));
  CHECK_FALSE(contains(human.out + human.err, fake_token));
  const auto json = run_smtpcheck({"check", "--config", "-", "--json"}, {.stdin_data = env});
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["config"]["format"] == "laravel-env");
  CHECK_FALSE(contains(json.out, fake_token));
}

TEST_CASE("check --config with something that is not a configuration exits 2 with a finding",
          "[cli][config]") {
  const auto r = run_smtpcheck({"check", "--config", "-"},
                               {.stdin_data = "please help, my mail does not send"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.out, "config.not_recognised"));
}

TEST_CASE("a link read back shows the customer's credential findings, worded for support",
          "[cli][link][secrets]") {
  const auto made =
      run_smtpcheck({"link", "--host", "smtp.postmarkapp.com", "--port", "587", "--username-env",
                     "U", "--password-env", "T", "--base", "https://help.example.com/smtp"},
                    {.env = {{"U", "jane@acme-widgets.io"}, {"T", fake_token + "\n"}}});
  REQUIRE(made.exit_code == 0);
  CHECK_FALSE(contains(made.out + made.err, "jane@acme-widgets.io"));
  CHECK_FALSE(contains(made.out + made.err, fake_token));
  const std::string url = made.out.substr(0, made.out.find('\n'));
  const auto r = run_smtpcheck({"link", "--parse", url});
  CHECK(r.exit_code == 1);  // the customer's credentials have an error finding
  CHECK(contains(r.out, "The customer's credentials, from the facts in the link:"));
  CHECK(contains(r.out, "(credentials.email_as_username)"));
  CHECK(contains(r.out, "(credentials.whitespace)"));
  CHECK(contains(r.out, "The customer's username is an e-mail address"));
  CHECK(contains(r.out, "Tell the customer:"));
  const auto json = run_smtpcheck({"link", "--parse", url, "--json"});
  CHECK(contains(json.out, "\"credentials.email_as_username\""));
}

TEST_CASE("a setting left out of a link for holding a secret is named when it is read",
          "[cli][link][secrets]") {
  const auto made = run_smtpcheck(
      {"link", "--host", fake_token, "--port", "587", "--base", "https://help.example.com/smtp"});
  REQUIRE(made.exit_code == 0);
  const std::string url = made.out.substr(0, made.out.find('\n'));
  CHECK(contains(url, "dropped=host"));
  const auto r = run_smtpcheck({"link", "--parse", url});
  CHECK(r.exit_code == 0);  // a warning, not an error
  CHECK(contains(r.out, "Left out of the link (it held a token): host"));
  CHECK(contains(r.out, "(link.field_left_out)"));
  CHECK_FALSE(contains(r.out + r.err, fake_token));
}
