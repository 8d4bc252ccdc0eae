// Whatever a hostile server sends, the reply reader neither crashes nor keeps
// more than its caps, and the EHLO helpers stay within the reply they got.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_invariant.h"
#include "smtpcheck/smtp_reply.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  smtpcheck::smtp_reply_reader reader;
  std::size_t start = 0;
  while (start <= input.size()) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    std::string_view line = input.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() <= smtpcheck::max_reply_line_bytes) reader.add_line(line);
    start = end + 1;
  }
  const smtpcheck::smtp_reply& reply = reader.reply();
  smtpcheck::fuzz::require(reply.lines.size() <= smtpcheck::max_reply_lines + 1,
                           "reply.lines.size() <= max_reply_lines + 1");
  smtpcheck::fuzz::require(reply.code == 0 || (reply.code >= 200 && reply.code <= 599),
                           "reply.code == 0 || (reply.code >= 200 && reply.code <= 599)");
  const auto keywords = smtpcheck::ehlo_keywords(reply);
  smtpcheck::fuzz::require(keywords.size() <= reply.lines.size(),
                           "keywords.size() <= reply.lines.size()");
  const auto mechanisms = smtpcheck::auth_mechanisms(keywords);
  smtpcheck::fuzz::require(mechanisms.size() <= input.size(), "mechanisms.size() <= input.size()");
  smtpcheck::fuzz::require(smtpcheck::reply_text(reply).size() <= input.size(),
                           "reply_text(reply).size() <= input.size()");
  (void)smtpcheck::offers_extension(keywords, "STARTTLS");
  return 0;
}
