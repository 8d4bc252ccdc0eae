// Python smtplib code: SMTP(host, port) or SMTP_SSL(host, port), then
// starttls(), login(user, password), sendmail(from, …).
//
// Source: https://docs.python.org/3/library/smtplib.html
// (github.com/python/cpython, Doc/library/smtplib.rst): SMTP.connect()
// "The defaults are to connect to the local host at the standard SMTP port
// (25)"; SMTP_SSL "behaves exactly the same as instances of SMTP" and is for
// "situations where SSL is required from the beginning of the connection";
// "If port is zero, the standard SMTP-over-SSL port (465) is used";
// starttls() must be called to "Put the SMTP connection in TLS (Transport
// Layer Security) mode": SMTP never does it on its own, so without it the
// session stays in plain text.
#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

const call* constructor(const snippet& s, bool& implicit) {
  for (const call& c : s.calls) {
    const std::string_view l = leaf(c.name);
    if (l == "SMTP_SSL" || l == "SMTP" || l == "LMTP") {
      implicit = l == "SMTP_SSL";
      return &c;
    }
  }
  return nullptr;
}

const entry* argument(const call& c, std::size_t index, std::string_view name) {
  for (const entry& a : c.args) {
    if (a.key == name) return &a;
  }
  std::size_t positional = 0;
  for (const entry& a : c.args) {
    if (!a.key.empty()) continue;
    if (positional++ == index) return &a;
  }
  return nullptr;
}

}  // namespace

int score_smtplib(const snippet& s) {
  int score = 0;
  if (s.text.find("smtplib") != std::string_view::npos) score += 12;
  bool implicit = false;
  if (constructor(s, implicit) != nullptr) score += 4;
  return score >= 12 ? score : 0;
}

void read_smtplib(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"python-smtplib", ""};
  bool implicit = false;
  const call* c = constructor(s, implicit);
  if (c != nullptr) {
    // The class name is rewritten when the fix is STARTTLS (SMTP_SSL → SMTP).
    entry name;
    name.key = "class";
    name.value = std::string(leaf(c->name));
    name.line = c->line;
    name.end = c->begin + c->name.size();
    name.begin = name.end - name.value.size();
    d.security_from(name, "class");
    if (const entry* h = argument(*c, 0, "host")) d.take("host", *h, "host");
    if (const entry* p = argument(*c, 1, "port")) {
      d.take("port", *p, "port");
    } else {
      d.out.value.port = implicit ? "465" : "25";
      d.assume("port",
               std::string("No port: ") + (implicit ? "SMTP_SSL uses 465." : "SMTP uses 25."));
    }
  }
  for (const call* l : find_calls(s, "login")) {
    if (l->args.size() >= 2) {
      d.take("username", l->args[0], "login(user)");
      d.take("password", l->args[1], "login(password)");
    }
  }
  for (std::string_view n : {"sendmail", "send_message"}) {
    for (const call* m : find_calls(s, n)) {
      const std::size_t at = n == "sendmail" ? 0 : 1;
      if (m->args.size() > at && m->args[at].quote != 0)
        d.take("from", m->args[at], std::string(n) + "(from)");
    }
  }
  d.starttls.push_back({"class", "SMTP", false, false});
  const bool starttls = !find_calls(s, "starttls").empty();
  if (implicit) {
    d.out.value.security = security_mode::tls;
  } else if (starttls) {
    d.out.value.security = security_mode::starttls;
  } else {
    d.out.value.security = security_mode::none;
    d.out.assumptions.push_back("No starttls() call: smtplib.SMTP stays in plain text.");
  }
}

}  // namespace smtpcheck::config
