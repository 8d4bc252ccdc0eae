#pragma once
// A configuration snippet taken apart into the key/value pairs and calls it
// holds, with where each value sits (so a fix can replace exactly it).
// Two views of the same text: line by line (dotenv, properties, Postfix,
// msmtp, ssmtp: a value runs to the end of its line) and as code (JS, PHP,
// Ruby, Python, C#, JSON, YAML, XML attributes: values end at , ; ) } or
// the end of the line, several per line, nested in sections).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::config {

/// One key and its value as written.
struct entry {
  std::string key;    ///< as written, without quotes: "MAIL_PORT", "$mail->Port", "smtp_port"
  std::string path;   ///< the enclosing sections, '/'-joined: "spring/mail", "createTransport/auth"
  std::string value;  ///< the value without its quotes (escapes kept as written)
  std::optional<std::string> reference;  ///< set elsewhere: the variable it reads
  int line = 0;                          ///< 1-based
  std::size_t begin = 0;                 ///< the value's bytes in the snippet, quotes included
  std::size_t end = 0;
  char quote = 0;  ///< the value's quote character, 0 when bare
};

/// A call with its arguments: `Connect("smtp.x", 587, SecureSocketOptions.StartTls)`.
struct call {
  std::string name;         ///< the callee as written: "client.Connect", "smtplib.SMTP_SSL"
  std::vector<entry> args;  ///< in order; a named argument has its name as key, else ""
  int line = 0;
  std::size_t begin = 0;  ///< the callee's first byte
  std::size_t end = 0;    ///< one past the closing parenthesis
};

/// Everything found in a snippet.
struct snippet {
  std::string_view text;
  std::vector<entry> lines;  ///< line view: one KEY=VALUE / key: value / key value per line
  std::vector<entry> code;   ///< code view
  std::vector<call> calls;
};

/// Takes `text` apart. Linear in its size; never throws.
snippet scan(std::string_view text);

/// The last component of a key: "Port" for "$mail->Port", "host" for
/// "mail.smtp.host", "Host" for "client.Host".
std::string_view leaf(std::string_view key);

/// The line `offset` is on (1-based).
int line_of(std::string_view text, std::size_t offset);

/// The whole line `line` (1-based), without its line break.
std::string_view line_text(std::string_view text, int line);

}  // namespace smtpcheck::config
