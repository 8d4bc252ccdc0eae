#pragma once
// Secrets planted in the settings fields that are not secret (host, port,
// From, a verified sender, the platform version), in the shapes customers
// paste: a bare token, an access key, a DSN with user:password@, a line of a
// .env, a JSON blob. The unit tests try every one in every field; the fuzzer
// plants one per input. Each secret is unique text, so finding it in an
// output means it was copied there.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "smtpcheck/settings.h"

namespace smtpcheck::testing {

/// Text to paste and the secret inside it that must never come out.
struct planted_secret {
  std::string_view name;
  std::string_view pasted;
  std::string_view secret;
};

inline constexpr std::array<planted_secret, 6> planted_secrets{{
    {"a server token", "9f1c2e4a-7b3d-4e8f-a6c5-0d2b4f6e8a1c",
     "9f1c2e4a-7b3d-4e8f-a6c5-0d2b4f6e8a1c"},
    {"an access key", "PM-T-planted-key-7Qx", "planted-key-7Qx"},
    {"a DSN with user:password@", "smtp://someone:Pl4ntedDsnPass@smtp.postmarkapp.com:587",
     "Pl4ntedDsnPass"},
    {"a .env line", "MAIL_HOST=smtp.postmarkapp.com\nMAIL_PASSWORD=Pl4ntedEnvPass\n",
     "Pl4ntedEnvPass"},
    {"a JSON blob", R"({"host": "smtp.postmarkapp.com", "password": "Pl4ntedJsonPass"})",
     "Pl4ntedJsonPass"},
    {"a long base64 key", "SG.Pl4ntedBase64KeyAbCdEfGhIjKlMnOpQrSt",
     "Pl4ntedBase64KeyAbCdEfGhIjKlMnOpQrSt"},
}};

/// The non-secret fields a secret can be planted in.
inline constexpr std::array<std::string_view, 5> plantable_fields{
    "host", "port", "from", "verified_senders", "platform_version"};

/// `s` with `text` appended to `field` (one of plantable_fields), or set when
/// the field was empty.
inline settings with_planted(settings s, std::string_view field, std::string_view text) {
  auto plant = [&](std::optional<std::string>& v) {
    v = v && !v->empty() ? *v + " " + std::string(text) : std::string(text);
  };
  if (field == "host")
    plant(s.host);
  else if (field == "port")
    plant(s.port);
  else if (field == "from")
    plant(s.from);
  else if (field == "verified_senders")
    s.verified_senders.push_back(std::string(text));
  else if (field == "platform_version") {
    if (!s.platform) s.platform = platform_ref{"nodemailer", ""};
    s.platform->version += std::string(text);
  }
  return s;
}

}  // namespace smtpcheck::testing
