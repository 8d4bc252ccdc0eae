#pragma once
/// Reading a customer's own configuration: a pasted `.env`, a
/// `createTransport({...})`, a `settings.py`, a `gitlab.rb`, … is recognised
/// without being told its format, translated into settings with the
/// platform's real semantics and defaults, and the fixes are answered as
/// corrected lines in the same syntax. Pure: no I/O, never throws.

#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/settings.h"

namespace smtpcheck {

/// Where one setting came from in the snippet.
struct config_source {
  std::string field;      ///< "host", "port", "security", "username", "password", "from"
  std::string key;        ///< the snippet's own name for it: "MAIL_PORT", "secure", "EnableSsl"
  int line = 0;           ///< 1-based line of the snippet; 0 when a default was assumed
  std::string reference;  ///< set elsewhere: the variable it reads ("MAIL_PASSWORD"), else ""
};

/// What read_config() recognised in a snippet.
struct config_reading {
  std::string format;  ///< stable format id ("laravel-env", "nodemailer", …); "" = not recognised
  std::string format_name;  ///< for people: "Laravel .env"
  settings value;           ///< the settings it describes (platform set when one fits)
  std::vector<config_source> sources;
  /// The platform defaults used for what the snippet leaves out, in words.
  std::vector<std::string> assumptions;
  /// Problems reading the snippet itself (config.* ids): not recognised,
  /// too large, not text, set elsewhere.
  std::vector<finding> findings;
  /// False when nothing could be read (then `value` holds no setting).
  bool usable = false;
};

/// Reads a configuration snippet of any supported format. Never throws;
/// input over max_document_bytes, binary input and unknown formats give a
/// finding. A value that only names where it is set (env('X'),
/// process.env.X, ENV['X'], ${X}, os.environ[...], %(X)s, …) is left
/// absent from `value` (not checkable) and its source carries the name.
config_reading read_config(std::string_view text);

/// One line of the corrected snippet.
struct config_line_change {
  int line = 0;        ///< the line it replaces (1-based), or 0 for a line to add
  int after_line = 0;  ///< for an added line: the line it goes after
  std::string before;  ///< the line as it was (secrets masked); "" for an added line
  std::string after;   ///< the corrected line (secrets masked)
};

/// One value a fix sets: a settings field and its exact new value
/// ("port" → "587", "security" → "starttls").
struct config_setting_change {
  std::string field;
  std::string value;
};

/// The fixes written in the snippet's own syntax: a minimal diff, secrets
/// masked. `unwritten` lists changes this format cannot be written for
/// (said in words instead).
struct config_correction {
  std::vector<config_line_change> lines;
  std::vector<config_setting_change> unwritten;
};

/// Writes `changes` into the snippet that `reading` came from.
config_correction correct_config(std::string_view text, const config_reading& reading,
                                 const std::vector<config_setting_change>& changes);

/// A snippet checked: what was read, the findings (the reading's own, then
/// validate()'s, errors first) and the fixes written in the snippet's syntax
/// from the values the findings' fixes set.
struct config_check {
  config_reading reading;
  std::vector<finding> findings;
  config_correction corrected;
};

/// read_config + validate + correct_config. Never throws.
config_check check_config(std::string_view text);

/// A checked snippet as the document check_config_document returns.
std::string encode_config_check(const config_check& checked);

/// check_config, as a `smtpcheck/findings/v1`
/// document with a "config" member (format, platform, settings without
/// secrets, sources, assumptions, corrected lines). What `smtpcheck check
/// --config` prints with --json and what WASM checkConfig() returns.
std::string check_config_document(std::string_view text);

}  // namespace smtpcheck
