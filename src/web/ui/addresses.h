#pragma once
// Addresses made for links: phone numbers, web addresses from files, and this site's own.
#include <string>

#include "web/core/app.h"

namespace kompas::web {

// "06-12345678" as a tel: address (digits and a leading plus only); empty without digits.
std::string tel_href(const std::string& number);

// Only web addresses become links: an imported file may hold any scheme (javascript:).
std::string web_address(const std::string& url);

// "https://host" as the reader reached this site, for addresses that leave the page (a QR code,
// an API's links).
std::string site_address(Ctx& ctx);

}  // namespace kompas::web
