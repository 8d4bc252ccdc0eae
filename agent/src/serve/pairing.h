#pragma once
/// Security rule 3: a probe runs only for a page that proves the user paired
/// it with this run of the agent. The agent's own page carries the 128-bit
/// token (it reaches the page in the URL fragment, which browsers never
/// send); a help-center page carries the short code the user types. No
/// endpoint ever returns either. Five wrong codes in a row from one origin
/// replace the code, so guessing it is hopeless; an origin that makes the
/// code rotate again and again is paused, so it cannot keep the user's
/// code changing under them. The token is never paused or replaced.

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace smtpcheck::serve {

/// 32 lowercase hex digits from OpenSSL's CSPRNG, or nullopt if it failed.
std::optional<std::string> random_token();

/// 8 characters from pairing_code_alphabet, from OpenSSL's CSPRNG (no
/// modulo bias), or nullopt if it failed.
std::optional<std::string> random_code();

/// Letters and digits nobody confuses when reading them aloud (no 0/O, 1/I/L, U/V).
inline constexpr std::string_view pairing_code_alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

/// "ABCD-EFGH" for "ABCDEFGH": how the code is printed.
std::string display_code(std::string_view code);

/// What a request presented, normalised: the code without its dash and in
/// capitals ("abcd-efgh" → "ABCDEFGH"); anything else unchanged.
std::string normalise_code(std::string_view presented);

/// Which credential a request must carry, by its origin.
enum class credential { token, code };

/// The outcome of one check.
struct pairing_check {
  bool accepted = false;
  /// Set when this failure replaced the code: the new one, to print.
  std::optional<std::string> new_code;
  /// Code pairing from this origin is paused: nothing was compared or counted.
  bool paused = false;
  /// Set when this failure started the pause: to say so on the console.
  bool pause_started = false;
};

/// The run's token and current code; safe to use from many threads.
class pairing {
 public:
  using clock = std::chrono::steady_clock;
  /// After this many wrong codes in a row from one origin the code is replaced.
  static constexpr int failures_before_rotation = 5;
  /// An origin that caused this many replacements within rotation_window…
  static constexpr int rotations_before_pause = 3;
  static constexpr std::chrono::seconds rotation_window{120};
  /// …may not pair by code for this long (the code then stays as it is).
  static constexpr std::chrono::seconds pause_length{300};

  pairing(std::string token, std::string code) : token_(std::move(token)), code_(std::move(code)) {}

  /// The token, printed once in the URL at start and never again.
  const std::string& token() const { return token_; }

  /// The current code (8 characters, no dash).
  std::string code() const;

  /// Compares in constant time. A wrong code counts toward rotation, for
  /// `origin` (the request's Origin); a wrong token does not (guessing 128
  /// bits is hopeless, and it must not let anyone change the code). An
  /// absent value (empty `presented`) is refused without counting.
  pairing_check check(credential kind, std::string_view presented, const std::string& origin = {},
                      clock::time_point now = clock::now());

  /// True once a request from `origin` presented the right token or code.
  bool has_paired(const std::string& origin) const;

 private:
  const std::string token_;
  mutable std::mutex mutex_;
  std::string code_;
  std::map<std::string, int> failures_;  // wrong codes in a row, per origin
  std::map<std::string, std::deque<clock::time_point>> rotations_;  // within the window
  std::map<std::string, clock::time_point> paused_until_;
  std::set<std::string> paired_;
};

}  // namespace smtpcheck::serve
