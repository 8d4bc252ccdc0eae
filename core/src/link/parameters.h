#pragma once
// The link's parameters: their names in the fragment, the settings field each
// fills, and which values each accepts. The writer and the reader share this
// table, so every link the writer makes reads back without a finding.

#include <optional>
#include <string>
#include <string_view>

namespace smtpcheck::link_codec {

/// One link parameter, in the order the writer puts them.
enum class link_parameter {
  version,           ///< v
  host,              ///< host
  port,              ///< port
  security,          ///< security
  from,              ///< from
  senders,           ///< senders: verified senders joined with ','
  platform,          ///< platform: a client platform id
  platform_version,  ///< platform_version
  provider,          ///< provider: only when not the default
  dropped,           ///< dropped: parameters left out because a secret was in them
  facts,             ///< facts: the credential facts code (link/credential_code.h)
};

/// The parameter named exactly `name`, or nullopt.
std::optional<link_parameter> find_link_parameter(std::string_view name);

// A parameter that carries a setting (host, port, …), as opposed to the
// link's own bookkeeping (v, dropped, facts): only these can be named as
// left out of a link.
bool is_setting_parameter(link_parameter p);

/// The parameter's name in the fragment ("senders").
std::string_view parameter_name(link_parameter p);

/// The settings field the parameter fills ("verified_senders").
std::string_view settings_field(link_parameter p);

/// Every parameter name but v, comma separated, for fix texts.
std::string parameter_names();

/// Why a decoded, clean, non-secret `value` cannot be `p`'s value, as the end
/// of a sentence ("is not a port number from 1 to 65535"); "" when it can.
/// The value itself is never part of the reason. For senders, one item.
std::string value_problem(link_parameter p, std::string_view value);

/// The one action that fixes a value value_problem() rejects.
std::string value_fix(link_parameter p);

}  // namespace smtpcheck::link_codec
