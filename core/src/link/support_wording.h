#pragma once
// Credential findings judged from a link's facts, reworded for the support
// agent who opens the link: the customer typed the token, support did not.

#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck::link_codec {

/// Rewords `findings` (the credential rules' verdict on a link's facts) for
/// support: the detail speaks of "the customer's username", the fix is what
/// to tell the customer, and no value is set by it. Ids, severities and
/// fields stay as the rules gave them.
void address_to_support(std::vector<finding>& findings);

}  // namespace smtpcheck::link_codec
