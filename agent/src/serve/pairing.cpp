#include "serve/pairing.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>

namespace smtpcheck::serve {
namespace {

// Equal length is checked first: the length of a token or code is no secret.
bool equal_in_constant_time(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::optional<std::string> random_token() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return std::nullopt;
  static constexpr char hex[] = "0123456789abcdef";
  std::string token;
  for (const unsigned char b : bytes) {
    token += hex[b >> 4];
    token += hex[b & 0x0f];
  }
  return token;
}

std::optional<std::string> random_code() {
  constexpr std::size_t length = 8;
  const auto alphabet_size = static_cast<unsigned>(pairing_code_alphabet.size());
  // Bytes at or above the largest multiple of the alphabet size are drawn
  // again, so every character is equally likely.
  const unsigned limit = 256 - 256 % alphabet_size;
  std::string code;
  while (code.size() < length) {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return std::nullopt;
    for (const unsigned char b : bytes) {
      if (b < limit && code.size() < length) code += pairing_code_alphabet[b % alphabet_size];
    }
  }
  return code;
}

std::string display_code(std::string_view code) {
  if (code.size() != 8) return std::string(code);
  return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

std::string normalise_code(std::string_view presented) {
  std::string out(presented);
  if (out.size() == 9 && out[4] == '-') out.erase(4, 1);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string pairing::code() const {
  const std::lock_guard lock(mutex_);
  return code_;
}

pairing_check pairing::check(credential kind, std::string_view presented, const std::string& origin,
                             clock::time_point now) {
  const std::lock_guard lock(mutex_);
  if (presented.empty()) return {};
  if (kind == credential::token) {
    const bool accepted = equal_in_constant_time(presented, token_);
    if (accepted) paired_.insert(origin);
    return {accepted, std::nullopt, false, false};
  }
  if (const auto it = paused_until_.find(origin); it != paused_until_.end()) {
    if (now < it->second) return {false, std::nullopt, true, false};
    paused_until_.erase(it);
  }
  if (equal_in_constant_time(normalise_code(presented), code_)) {
    failures_.erase(origin);
    paired_.insert(origin);
    return {true, std::nullopt, false, false};
  }
  if (++failures_[origin] < failures_before_rotation) return {};
  failures_.erase(origin);
  std::deque<clock::time_point>& recent = rotations_[origin];
  while (!recent.empty() && now - recent.front() >= rotation_window) recent.pop_front();
  if (recent.size() >= static_cast<std::size_t>(rotations_before_pause)) {
    // Rotating once more would only hand this origin a fresh code to guess
    // and the user another code to type: stop rotating, pause the origin.
    recent.clear();
    paused_until_[origin] = now + pause_length;
    return {false, std::nullopt, true, true};
  }
  recent.push_back(now);
  // If the generator fails the code becomes empty, which nothing matches:
  // pairing by code stops rather than keep a code someone has been guessing.
  code_ = random_code().value_or("");
  return {false, code_, false, false};
}

bool pairing::has_paired(const std::string& origin) const {
  const std::lock_guard lock(mutex_);
  return paired_.count(origin) != 0;
}

}  // namespace smtpcheck::serve
