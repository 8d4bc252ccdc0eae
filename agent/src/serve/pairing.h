#pragma once
/// Security rule 3: a probe runs only for a page that proves the user paired
/// it with this run of the agent. The agent's own page carries the 128-bit
/// token (it reaches the page in the URL fragment, which browsers never
/// send); a help-center page carries the short code the user types. No
/// endpoint ever returns either. Five wrong values in a row replace the code,
/// so guessing it is hopeless.

#include <mutex>
#include <optional>
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
};

/// The run's token and current code; safe to use from many threads.
class pairing {
 public:
  /// After this many wrong values in a row the code is replaced.
  static constexpr int failures_before_rotation = 5;

  pairing(std::string token, std::string code) : token_(std::move(token)), code_(std::move(code)) {}

  /// The token, printed once in the URL at start and never again.
  const std::string& token() const { return token_; }

  /// The current code (8 characters, no dash).
  std::string code() const;

  /// Compares in constant time. A wrong value counts toward rotation; an
  /// absent one (empty `presented`) is refused without counting.
  pairing_check check(credential kind, std::string_view presented);

 private:
  const std::string token_;
  mutable std::mutex mutex_;
  std::string code_;
  int failures_ = 0;
};

}  // namespace smtpcheck::serve
