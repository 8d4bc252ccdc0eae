// The catalog document (smtpcheck/catalog/v1): every finding id, client
// platform and provider profile, for the widget and for people reading it.
#include "json/detail.h"
#include "smtpcheck/catalog.h"
#include "smtpcheck/json.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/version.h"

namespace smtpcheck {
using json_detail::ojson;

std::string catalog_document() {
  ojson entries = ojson::array();
  for (const catalog_entry& e : catalog()) {
    entries.push_back(ojson{{"id", e.id},
                            {"severity", to_string(e.severity)},
                            {"title", e.title},
                            {"doc", e.doc},
                            {"retired", e.retired}});
  }
  ojson platforms = ojson::array();
  for (const client_platform& p : client_platforms()) {
    platforms.push_back(ojson{{"id", p.id}, {"name", p.name}, {"version_of", p.version_of}});
  }
  ojson provider_list = ojson::array();
  for (const provider_profile* p : providers()) {
    provider_list.push_back(
        ojson{{"id", p->id},
              {"name", p->name},
              {"primary_host", p->primary_host},
              {"ports", std::vector<int>(p->starttls_ports.begin(), p->starttls_ports.end())},
              {"recommended_port", p->recommended_port},
              {"server_token_name", p->server_token_name},
              {"help_url", p->help_url}});
  }
  return json_detail::dump(ojson{{"schema", "smtpcheck/catalog/v1"},
                                 {"version", version()},
                                 {"findings", std::move(entries)},
                                 {"platforms", std::move(platforms)},
                                 {"providers", std::move(provider_list)}});
}

}  // namespace smtpcheck
