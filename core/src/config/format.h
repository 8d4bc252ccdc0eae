#pragma once
// One supported configuration format: how to recognise it, how to read it
// into settings (with the platform's semantics and defaults), and how to
// write a corrected value back in its own syntax. One table row per format
// (formats.cpp); each family's reading lives in its own read_*.cpp.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/snippet.h"
#include "smtpcheck/config.h"

namespace smtpcheck::config {

/// A reading in progress, with what the rewriter needs to find each value.
struct draft {
  config_reading out;
  /// The entries values were read from, by the key the format writes them
  /// with ("MAIL_PORT", "port", "EnableSsl"): the rewriter replaces these.
  std::vector<entry> bound;

  /// Reads `e` into `field` (host, port, username, password, from): a
  /// reference leaves the field unset and says so; `key` is the name the
  /// source shows (the entry's own key when empty).
  void take(std::string_view field, const entry& e, std::string_view key = {});
  /// Records where the security mode came from.
  void security_from(const entry& e, std::string_view key = {});
  /// Says a default is used: `field` was not in the snippet.
  void assume(std::string_view field, std::string sentence);
  /// Keeps `e` for the rewriter under `key`, without reading it.
  void bind(const entry& e, std::string_view key = {});

  /// What asks for STARTTLS in this snippet, when it differs from the
  /// format's usual writing (Laravel 11's MAIL_SCHEME, PHPMailer's constants).
  struct literal {
    std::string key;
    std::string value;
    bool is_string = false;
    bool only_if_present = false;
  };
  std::vector<literal> starttls;
};

/// A key and the literal a fix writes for it (`secure` → `false`).
struct key_literal {
  std::string_view key;
  std::string_view value;
  bool is_string = false;        ///< quoted like the snippet's strings, else written bare
  bool only_if_present = false;  ///< changed when the snippet has it, never added
};

/// How corrected lines are written in one format.
struct writer {
  std::string_view host_key;
  std::string_view port_key;
  std::string_view username_key;
  std::string_view password_key;
  std::string_view from_key;
  std::span<const key_literal> starttls;  ///< what asks for STARTTLS
  char quote = '"';                       ///< for strings on added lines; 0 writes them bare
  bool port_is_string = false;
  /// Nested by indentation (YAML): a key the snippet lacks cannot be added
  /// by copying a neighbour line, so it is said in words instead.
  bool nested = false;
};

/// One format.
struct format_spec {
  std::string_view id;
  std::string_view name;
  /// How sure, from 0 (not this format) up; the highest wins.
  int (*score)(const snippet&);
  void (*read)(const snippet&, draft&);
  writer write;
};

/// Every format, in detection order (a tie goes to the earlier one).
std::span<const format_spec> formats();

/// The format of `s` (highest score), or nullptr.
const format_spec* detect_format(const snippet& s);

// ── helpers the readers share ────────────────────────────────────────────

/// The last entry of `view` whose key equals `key` (case-insensitive when
/// `fold`), or nullptr. The last one wins, as in every loader.
const entry* find_key(const std::vector<entry>& view, std::string_view key, bool fold = false);
/// The same, matching only the key's last component.
const entry* find_leaf(const std::vector<entry>& view, std::string_view key, bool fold = false);
/// How many of `keys` occur as keys (or leaves) in `view`.
int count_keys(const std::vector<entry>& view, std::span<const std::string_view> keys,
               bool fold = false);
/// true / yes / on / 1 (any case); false for anything else.
bool truthy(std::string_view value);
/// The calls whose name's last component is `name`.
std::vector<const call*> find_calls(const snippet& s, std::string_view name);

// ── the readers (one per family) ─────────────────────────────────────────

int score_laravel(const snippet&);
void read_laravel(const snippet&, draft&);
int score_dotenv(const snippet&);
void read_dotenv(const snippet&, draft&);
int score_compose(const snippet&);
void read_compose(const snippet&, draft&);
int score_url(const snippet&);
void read_url(const snippet&, draft&);
int score_nodemailer(const snippet&);
void read_nodemailer(const snippet&, draft&);
int score_phpmailer(const snippet&);
void read_phpmailer(const snippet&, draft&);
int score_wpms(const snippet&);
void read_wpms(const snippet&, draft&);
int score_django(const snippet&);
void read_django(const snippet&, draft&);
int score_rails(const snippet&);
void read_rails(const snippet&, draft&);
int score_gitlab(const snippet&);
void read_gitlab(const snippet&, draft&);
int score_javamail(const snippet&);
void read_javamail(const snippet&, draft&);
int score_spring(const snippet&);
void read_spring(const snippet&, draft&);
int score_dotnet(const snippet&);
void read_dotnet(const snippet&, draft&);
int score_appsettings(const snippet&);
void read_appsettings(const snippet&, draft&);
int score_mailkit(const snippet&);
void read_mailkit(const snippet&, draft&);
int score_smtplib(const snippet&);
void read_smtplib(const snippet&, draft&);
int score_postfix(const snippet&);
void read_postfix(const snippet&, draft&);
int score_msmtp(const snippet&);
void read_msmtp(const snippet&, draft&);
int score_ssmtp(const snippet&);
void read_ssmtp(const snippet&, draft&);

/// Reads a URL (smtp://user:pass@host:port) at `e` into `d`, with Symfony
/// Mailer's meaning of the schemes when `symfony` (else the generic one).
void read_url_value(const entry& e, draft& d, bool symfony);

}  // namespace smtpcheck::config
