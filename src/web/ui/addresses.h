#pragma once
// Addresses made for links: phone numbers, web addresses from files, and this site's own.
#include <string>

#include "web/core/app.h"

namespace kompas::web {

// "06-12345678" as a tel: address (digits and a leading plus only); empty without digits.
std::string tel_href(const std::string& number);

// Only web addresses become links: an imported file may hold any scheme (javascript:).
std::string web_address(const std::string& url);

// This site's address for addresses that leave the page (a QR code, a check link, an API's
// links): `serve --public-url`, else the listen address; never the request's Host header.
std::string site_address(const Ctx& ctx);

}  // namespace kompas::web
