#pragma once
/// Reading what a request says, without trusting it to say it once.

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::serve {

/// Every value of header `name` (names compare ignoring case), in order.
std::vector<std::string> header_values(const httplib::Request& req, const std::string& name);

/// The media type of a Content-Type value, lowercased, without parameters
/// or spaces: "Application/JSON; charset=utf-8" → "application/json".
std::string media_type(std::string_view content_type);

}  // namespace smtpcheck::serve
