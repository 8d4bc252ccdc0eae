#include "explain/folded_lines.h"

#include <algorithm>
#include <unordered_map>

#include "explain/os_errors.h"
#include "explain/reply_codes.h"

#include "smtp/ports.h"
#include "smtpcheck/port.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

// Digits that name something: an SMTP reply code, a Windows socket error
// number, an SMTP port. Every other run of digits (times, dates, process and
// queue ids, counters) changes from one repeat of a line to the next.
bool names_something(std::string_view line, std::size_t begin, std::size_t end,
                     const std::vector<std::size_t>& named) {
  if (std::find(named.begin(), named.end(), begin) != named.end()) return true;
  const std::string_view run = line.substr(begin, end - begin);
  // "0587" is a counter, not a port: a port in text has no leading zero.
  const std::optional<int> port =
      !run.empty() && run.front() != '0' ? parse_port(run) : std::nullopt;
  const bool smtp_port = port && smtp::is_smtp_port(*port);
  const bool after_colon = begin > 0 && line[begin - 1] == ':';
  const bool after_port = begin >= 5 && text::iends_with(line.substr(0, begin), "port ");
  return smtp_port && (after_colon || after_port);
}

// The line with every run of digits that names nothing as one '#':
// "12:01:07 retry 3 of 5" and "12:01:09 retry 4 of 5" are the same line said
// again, but a 535 is not a 530, nor port 25 port 587.
std::string shape_of(std::string_view line) {
  std::vector<std::size_t> named;
  for (const reply_code& r : find_reply_codes(line)) named.push_back(r.at);
  for (const os_error_hit& e : find_os_errors(line)) named.push_back(e.at);
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  while (i < line.size()) {
    if (!text::is_digit(line[i])) {
      out += line[i++];
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && text::is_digit(line[end])) ++end;
    if (names_something(line, i, end, named)) {
      out.append(line.substr(i, end - i));
    } else {
      out += '#';
    }
    i = end;
  }
  return out;
}

}  // namespace

folded_lines fold_repeats(std::vector<std::string> lines) {
  folded_lines out;
  // A text that ends with a line break has no last, empty line.
  out.total = !lines.empty() && lines.back().empty() ? lines.size() - 1 : lines.size();
  std::unordered_map<std::string, std::size_t> seen;  // shape → index in out.lines
  seen.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (text::trim(lines[i]).empty()) continue;
    auto [it, added] = seen.try_emplace(shape_of(lines[i]), out.lines.size());
    if (!added) {
      ++out.count[it->second];
      continue;
    }
    out.lines.push_back(std::move(lines[i]));
    out.first.push_back(i);
    out.count.push_back(1);
  }
  return out;
}

}  // namespace smtpcheck::explaining
