#include "probe_progress.h"

namespace smtpcheck::cli {
namespace {

bool good(const std::string& status) {
  return status == "ok" || status == "accepted" || status == "skipped";
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
  const std::string word = e.step == "tls_version" ? e.detail : e.step == "dns" ? "" : e.step;
  std::string status = e.status;
  if (colour_) status = (good(e.status) ? "\x1b[32m" : "\x1b[31m") + status + "\x1b[0m";
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
