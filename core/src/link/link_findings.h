#pragma once
// The findings the link codec reports, worded in one place. None of them ever
// contains a value that was dropped: at most the parameter's name.

#include <string>
#include <string_view>

#include "link/clean_text.h"
#include "link/parameters.h"
#include "smtpcheck/finding.h"

namespace smtpcheck::link_codec {

/// Whether a finding is about a link being made or one being read.
enum class direction { making, reading };

/// The customer types the token themselves: when making, username or password
/// were given; when reading, something shaped like a credential was dropped.
finding secret_not_included(std::string_view field, std::string_view token_name, direction d);

/// `p`'s value looked like a token and was left out.
finding secret_value_dropped(link_parameter p, direction d);

/// A parameter (named `shown_name`, or unnamed when empty) carried a token
/// by its name or its value and was dropped unread.
finding secret_parameter_dropped(std::string_view shown_name, std::string_view field);

/// The link's maker left `p` out because its value looked like a token
/// (the link's `dropped` parameter names it).
finding field_left_out(link_parameter p);

/// `p`'s value was rejected for `reason` (from value_problem()).
finding invalid_value(link_parameter p, std::string_view reason, direction d);

/// platform_version came without a usable platform.
finding version_without_platform(direction d);

/// A parameter's name or value could not be decoded. `shown_name` is empty
/// when the name itself was the problem.
finding malformed(std::string_view shown_name, std::string_view field, std::string_view what,
                  text_fault fault, bool bad_escape);

/// A known parameter with no '='.
finding missing_value(link_parameter p);

/// A parameter the format does not have.
finding unknown_parameter(std::string_view shown_name);

/// A parameter that appeared again; the first one was kept.
finding duplicate_parameter(std::string_view name, std::string_view field);

/// No v parameter: the link was not read.
finding version_missing();

/// v is not 1: the link was not read. `shown` is the version when it is
/// short digits, else empty.
finding version_unsupported(std::string_view shown);

/// The fragment is over max_link_bytes.
finding link_too_long(std::size_t bytes);

/// The made link would be over max_link_bytes; what was left out.
finding made_link_too_long(std::size_t bytes, bool only_senders_left_out);

/// Nothing to read: `detail` says why.
finding link_empty(std::string detail);

}  // namespace smtpcheck::link_codec
