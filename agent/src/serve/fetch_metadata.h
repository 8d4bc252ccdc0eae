#pragma once
/// Fetch Metadata (the Sec-Fetch-Site, Sec-Fetch-Mode and Sec-Fetch-Dest
/// headers browsers send): tells a request another site's page made
/// without CORS (`<script src>`, `<img>`, `fetch(…, {mode: "no-cors"})`)
/// from the agent's own page, a CORS request and a navigation. Such a
/// request for one of the page's files gets no answer at all: any answer,
/// even a 403, would tell that page an agent runs on this computer (an
/// opaque response instead of a network error). The API paths are not
/// judged by it (the widget's no-cors hello tells "not allowed" apart).

#include <string_view>

namespace smtpcheck::serve {

/// True when the head (already through check_request_head) carries
/// Sec-Fetch-Site "cross-site" or "same-site" (127.0.0.1 and localhost
/// are different sites) and is neither a CORS request (Sec-Fetch-Mode
/// "cors": the Origin rules answer it, and a refused one stays unreadable)
/// nor a top-level navigation (mode "navigate", dest "document"). A
/// request without these headers (an older browser, curl) is not judged
/// here.
bool is_foreign_subresource(std::string_view head);

}  // namespace smtpcheck::serve
