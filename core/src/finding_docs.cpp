#include "finding_docs.h"

namespace smtpcheck {

void link_provider_docs(std::vector<finding>& findings, const provider_profile& provider) {
  for (finding& f : findings) {
    if (!f.doc.empty() && f.doc_url.empty()) f.doc_url = std::string(doc_url(provider, f.doc));
  }
}

}  // namespace smtpcheck
