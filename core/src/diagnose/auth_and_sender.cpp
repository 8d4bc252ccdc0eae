// AUTH (RFC 4954) and the envelope (RFC 5321 §4.1.1.2–3): does the token
// work, and may this From address send. The agent stops before DATA.
#include <array>

#include "diagnose/diagnosis.h"
#include "explain/reply_explanation.h"
#include "finding_id.h"
#include "fix/platform_words.h"
#include "fix/provider_words.h"
#include "fix/settings_fix.h"
#include "text/ascii.h"

namespace smtpcheck::diagnosis {
namespace {

const probe_connection* first_with(const diagnosis_context& ctx,
                                   bool (*pick)(const probe_connection&)) {
  for (const probe_connection* c : by_preference(ctx)) {
    if (pick(*c)) return c;
  }
  return nullptr;
}

std::string token_name(const provider_profile& p) {
  return std::string(p.server_token_name);
}

void auth_result(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c =
      first_with(ctx, [](const probe_connection& x) { return x.auth.has_value(); });
  if (!c) return;
  const auth_step& a = *c->auth;
  const provider_profile& p = ctx.provider;
  const std::string evidence = reply(ctx, a.code, a.text);
  if (a.status == "ok") {
    out.push_back(make_finding(catalog_rows::diagnose_auth_ok, "username",
                               "AUTH " + quote(ctx, a.mechanism) + " was accepted on " + where(*c) +
                                   ": " + fix::credentials_work(p) + ".",
                               "", evidence));
  } else if (a.status == "failed") {
    // The reply in explain's words: the same text reads the same whether
    // the customer pasted it or the agent captured it.
    if (const auto said = explaining::explain_reply(a.code, a.text, ctx.facts)) {
      out.push_back(make_finding(catalog_rows::diagnose_auth_failed, said->field,
                                 "On " + where(*c) + ": " + fix::as_clause(said->detail), said->fix,
                                 evidence));
      return;
    }
    std::string detail = "The server refused the credentials on " + where(*c) +
                         ". The reply was not the usual 535: read its text for the reason.";
    std::string fix = p.credentials.username == username_scheme::same_as_password
                          ? "Use the " + token_name(p) +
                                " of the server you send through, not the " +
                                std::string(p.account_token_name) +
                                ", as both username and password, with no spaces or line breaks"
                          : "Use " + fix::login_words(p) + ", with no spaces or line breaks";
    fix += ctx.facts.platform ? ": " + fix::credential_settings(ctx.fix) + "." : ".";
    if (p.credentials.username == username_scheme::same_as_password) {
      fix += " Check that SMTP is enabled for that server.";
    }
    out.push_back(make_finding(catalog_rows::diagnose_auth_failed, "password", std::move(detail),
                               std::move(fix), evidence));
  } else if (a.status == "not_offered") {
    const bool after_tls = c->tls && c->tls->status == "ok";
    out.push_back(make_finding(
        catalog_rows::diagnose_auth_not_offered, "username",
        after_tls ? "Even after TLS, the EHLO reply on " + where(*c) + " did not offer AUTH. " +
                        std::string(p.name) +
                        " always offers it over TLS, so something on the "
                        "path answers instead."
                  : "The EHLO reply on " + where(*c) + " did not offer AUTH: " +
                        std::string(p.name) + " offers it only after STARTTLS.",
        after_tls ? fix_sentence{"Turn off SMTP inspection or outgoing-mail scanning on the "
                                 "firewall or antivirus between this host and " +
                                     std::string(p.primary_host) + ", then probe again.",
                                 {}}
                  : fix::starttls(ctx.fix, fix::port_to_use(ctx.fix), false),
        where(*c) + ": no AUTH in EHLO"));
  } else {
    const bool insecure = a.status == "refused_insecure";
    out.push_back(make_finding(
        catalog_rows::diagnose_auth_skipped, "username",
        insecure ? "The agent did not send the token: TLS on " + where(*c) +
                       " was not verified, "
                       "and a token must never cross an unverified connection."
                 : "No token was given to the agent, so authentication was not tested.",
        insecure ? "Fix the TLS findings above, then probe again."
                 : "Probe again with your " + token_name(p) + " to test authentication.",
        a.status));
  }
}

void sender_result(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c =
      first_with(ctx, [](const probe_connection& x) { return x.mail_from.has_value(); });
  if (!c || c->mail_from->status == "skipped") return;
  const envelope_step& m = *c->mail_from;
  const provider_profile& p = ctx.provider;
  const std::string from =
      ctx.rules.input.from ? quote(ctx, text::trim(*ctx.rules.input.from)) : std::string();
  const std::string evidence = reply(ctx, m.code, m.text);
  if (m.status == "ok") {
    out.push_back(make_finding(catalog_rows::diagnose_sender_accepted, "from",
                               (from.empty() ? std::string("The From address") : from) +
                                   " was accepted as the sender (MAIL FROM).",
                               "", evidence));
    return;
  }
  // A reply that names another cause than the From address (a relay that
  // wants a login, a temporary failure) is worded as explain words it.
  if (const auto said = explaining::explain_reply(m.code, m.text, ctx.facts);
      said && said->id != "explain.sender_rejected") {
    out.push_back(
        make_finding(catalog_rows::diagnose_sender_rejected, said->field,
                     "MAIL FROM was refused on " + where(*c) + ": " + fix::as_clause(said->detail),
                     said->fix, evidence));
    return;
  }
  std::string detail =
      std::string(p.name) + " refused " + (from.empty() ? std::string("the From address") : from) +
      " as the sender: it sends only from a confirmed " + std::string(p.sender_name) +
      ", or an "
      "address on a verified domain, of your account.";
  std::string fix;
  if (!ctx.rules.input.verified_senders.empty()) {
    const std::string& verified = ctx.rules.input.verified_senders.front();
    const bool domain = verified.find('@') == std::string::npos;
    fix = "Send from " + (domain ? "an address on " + quote(ctx, verified) : quote(ctx, verified)) +
          ", which is verified, or add and confirm " +
          (from.empty() ? std::string("the address") : from) + " under " +
          std::string(p.sender_place) + ".";
  } else {
    fix = "Add and confirm " + (from.empty() ? std::string("the From address") : from) +
          " or its domain under " + std::string(p.sender_place) +
          ", or send from an address you have already "
          "verified";
    // Another address, one already verified: the refused one is not repeated back.
    fix::fix_target verified = ctx.fix;
    verified.from = std::string(fix::verified_from);
    if (const std::string setting = fix::from_setting(verified); !setting.empty()) {
      fix += ": `" + setting + "`" + fix::platform_suffix(ctx.fix);
    }
    fix += ".";
  }
  out.push_back(make_finding(catalog_rows::diagnose_sender_rejected, "from", std::move(detail),
                             std::move(fix), evidence));
}

void recipient_result(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c = first_with(
      ctx, [](const probe_connection& x) { return x.rcpt_to && x.rcpt_to->status == "rejected"; });
  if (!c) return;
  const envelope_step& r = *c->rcpt_to;
  if (const auto said = explaining::explain_reply(r.code, r.text, ctx.facts);
      said && said->id != "explain.recipients_rejected") {
    out.push_back(make_finding(catalog_rows::diagnose_recipient_rejected, said->field,
                               "The test recipient was refused (RCPT TO) on " + where(*c) + ": " +
                                   fix::as_clause(said->detail),
                               said->fix, reply(ctx, r.code, r.text)));
    return;
  }
  out.push_back(make_finding(
      catalog_rows::diagnose_recipient_rejected, "",
      "The test recipient was refused (RCPT TO). Nothing was sent. " +
          std::string(ctx.provider.name) +
          " refuses recipients that hard-bounced before or "
          "marked mail as spam (its suppression list), and malformed addresses.",
      "Probe again with a recipient address you know receives mail, or check the server's "
      "suppression list for it.",
      reply(ctx, r.code, r.text)));
}

constexpr std::array table{
    diagnosis_rule{"auth result", auth_result},
    diagnosis_rule{"sender result", sender_result},
    diagnosis_rule{"recipient result", recipient_result},
};

}  // namespace

std::span<const diagnosis_rule> auth_and_sender_rules() {
  return table;
}

}  // namespace smtpcheck::diagnosis
