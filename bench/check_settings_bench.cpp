// check_settings_bench: times smtpcheck::check_settings_document natively,
// the baseline for the widget benchmark (bench/widget/run.mjs) which times
// the same call through WebAssembly in Chromium with the same method.
//
//   check_settings_bench <settings.json> [batches] [calls per batch]
//
// Prints one JSON object: {"calls":N,"batches":B,"batch_calls":C,"median_us":M}
// where M is the median over batches of (batch time / calls per batch): one
// call is too short for a clock, a batch is not.

#include <smtpcheck/json.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

long parse_count(const char* text, long fallback) {
  if (text == nullptr) return fallback;
  const long value = std::strtol(text, nullptr, 10);
  return value > 0 ? value : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: check_settings_bench <settings.json> [batches] [calls per batch]\n");
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "check_settings_bench: cannot read %s\n", argv[1]);
    return 2;
  }
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string settings = buffer.str();
  const long batches = parse_count(argc > 2 ? argv[2] : nullptr, 200);
  const long batch_calls = parse_count(argc > 3 ? argv[3] : nullptr, 100);

  // Warm up, and keep every result's size so no call can be optimised away.
  std::size_t sink = 0;
  for (long i = 0; i < batch_calls * 10; ++i)
    sink += smtpcheck::check_settings_document(settings).size();

  std::vector<double> per_call_us;
  per_call_us.reserve(static_cast<std::size_t>(batches));
  for (long batch = 0; batch < batches; ++batch) {
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < batch_calls; ++i)
      sink += smtpcheck::check_settings_document(settings).size();
    const std::chrono::duration<double, std::micro> spent =
        std::chrono::steady_clock::now() - start;
    per_call_us.push_back(spent.count() / static_cast<double>(batch_calls));
  }
  std::sort(per_call_us.begin(), per_call_us.end());
  const double median = per_call_us[per_call_us.size() / 2];
  std::printf(
      "{\"calls\":%ld,\"batches\":%ld,\"batch_calls\":%ld,\"median_us\":%.3f,\"sink\":%zu}\n",
      batches * batch_calls, batches, batch_calls, median, sink);
  return 0;
}
