#include "probe_progress.h"

#include <string_view>
#include <utility>

namespace smtpcheck::cli {
namespace {

// The core's verdict (probe_event::verdict), shown, never decided here:
// green for ok, plain with "(expected)" for a refusal the provider intends,
// red for a problem.
std::string colour_of(const std::string& verdict) {
  if (verdict == "ok") return "\x1b[32m";
  if (verdict == "expected_refusal") return "";
  return "\x1b[31m";
}

// A step as a person says it: "greeting ok", not "banner ok"; "EHLO after
// TLS", not "ehlo_after_tls". An unknown step (a newer agent library) shows
// with its underscores as spaces rather than not at all.
std::string step_words(const std::string& step) {
  static constexpr std::pair<std::string_view, std::string_view> words[] = {
      {"tcp", "connect"},       {"banner", "greeting"},
      {"ehlo", "EHLO"},         {"starttls", "STARTTLS"},
      {"tls", "TLS handshake"}, {"ehlo_after_tls", "EHLO after TLS"},
      {"auth", "login"},        {"mail_from", "sender"},
      {"rcpt_to", "recipient"}, {"implicit_tls", "implicit TLS"},
  };
  for (const auto& [name, said] : words) {
    if (step == name) return std::string(said);
  }
  std::string out = step;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

// A status word as said: "timed out", not "timeout".
std::string status_words(const std::string& status) {
  if (status == "timeout") return "timed out";
  if (status == "not_offered") return "not offered";
  if (status == "refused_insecure") return "refused (TLS not verified)";
  std::string out = status;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

}  // namespace

void probe_progress::on_event(const agent::probe_event& e) {
  if (e.step == "done") return;
  std::string key;
  std::string label;
  if (e.step == "dns") {
    key = "0 dns";
    label = "DNS";
  } else if (e.step == "tls_version") {
    key = "2 matrix";
    label = "TLS versions on " + std::to_string(e.port);
  } else if (e.step == "implicit_tls") {
    key = "3 implicit";
    label = "implicit TLS on " + std::to_string(e.port);
  } else {
    key = "1 " + std::to_string(e.port) + " " + e.family;
    label = "port " + std::to_string(e.port) + " " + e.family;
  }
  auto [it, added] = lines_.try_emplace(key, "");
  if (added) {
    order_.push_back(key);
    it->second = label + ":";
  }
  const std::string word = e.step == "tls_version"                       ? e.detail
                           : e.step == "dns" || e.step == "implicit_tls" ? ""
                                                                         : step_words(e.step);
  std::string status = status_words(e.status);
  if (e.verdict == "expected_refusal") status += " (expected)";
  if (colour_ && !colour_of(e.verdict).empty()) status = colour_of(e.verdict) + status + "\x1b[0m";
  it->second += (word.empty() ? "" : " " + word) + " " + status;
  redraw();
}

void probe_progress::redraw() {
  // Move back to the first line we drew, then rewrite every line.
  if (drawn_ > 0) out_ << "\x1b[" << drawn_ << "F";
  for (const std::string& key : order_) out_ << "\x1b[2K  " << lines_[key] << "\n";
  drawn_ = order_.size();
  out_.flush();
}

}  // namespace smtpcheck::cli
