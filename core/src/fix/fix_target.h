#pragma once
// What a fix is written for: the provider and client platform whose words it
// uses, and the values it recommends. The static rules build it from the
// settings, explain from the pasted text, diagnose from the settings beside
// the probe report; the fix writer (settings_fix.h) takes nothing else.

#include <optional>
#include <string>
#include <string_view>

#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"

namespace smtpcheck::fix {

/// How a fix speaks when no client platform is known.
enum class plain_words {
  settings_form,  ///< the settings form's fields: "Set the security to STARTTLS"
  client_labels,  ///< a client known only by its messages: "often labelled \"TLS\""
};

/// Everything a fix sentence is worded from.
struct fix_target {
  const provider_profile& provider;
  const client_platform* platform = nullptr;  ///< null: plain words
  /// The host the settings should carry (one of the provider's hosts).
  std::string_view host = {};
  /// The port in use: typed in the settings, or named in the pasted text.
  std::optional<int> port = {};
  /// What the port field holds; a fix to another port sets the port too.
  std::optional<int> port_field = {};
  /// The typed username, trimmed: only its key prefix is read (to tell an
  /// access-key pair), it is never written into a fix.
  std::string_view username = {};
  /// The address a From setting is written with.
  std::string from = {};
  plain_words words = plain_words::settings_form;
};

/// The port a fix recommends: `t.port` when the provider serves it with
/// STARTTLS and it is not often blocked, else the provider's recommended port
/// (else its STARTTLS port, for a platform that cannot speak the recommended
/// port's implicit TLS).
int port_to_use(const fix_target& t);

/// True when the provider serves `port` with implicit TLS only.
bool implicit_tls_only(const provider_profile& p, int port);

/// The provider's best STARTTLS port: the recommended or the alternative one
/// when it is served with STARTTLS and not often blocked, else the
/// submission port (587), else any STARTTLS port not often blocked.
int starttls_port(const provider_profile& p);

}  // namespace smtpcheck::fix
