#include "serve/event_stream.h"

#include <nlohmann/json.hpp>

#include "smtpcheck/json.h"

namespace smtpcheck::serve {

std::string progress_line(const agent::probe_event& event,
                          const std::vector<std::string>& secrets) {
  agent::probe_event clean = event;
  for (std::string* text : {&clean.family, &clean.step, &clean.detail, &clean.status})
    remove_secrets(*text, secrets);
  nlohmann::ordered_json out;
  out["event"] = "progress";
  out["port"] = clean.port;
  out["family"] = clean.family;
  out["step"] = clean.step;
  out["detail"] = clean.detail;
  out["status"] = clean.status;
  out["verdict"] = clean.verdict;
  out["elapsed_ms"] = clean.elapsed_ms;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string result_line(const probe_result& result) {
  return R"({"event":"result","document":)" + encode_probe_line(result) + "}\n";
}

}  // namespace smtpcheck::serve
