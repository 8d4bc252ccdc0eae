#pragma once
// Each finding's help page: the provider's page for the finding's `doc` key,
// resolved in this one place for check, explain and diagnose alike (no rule
// writes a URL). The URL is the profile's alone: nothing typed, and so no
// secret, can reach it.

#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/provider.h"

namespace smtpcheck {

/// Sets `doc_url` of every finding that has a `doc` key and no URL yet to
/// doc_url(provider, doc): the profile's page for that key, else its help page.
void link_provider_docs(std::vector<finding>& findings, const provider_profile& provider);

}  // namespace smtpcheck
