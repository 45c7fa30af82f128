#pragma once
// Reading and writing cookies: the session, the login form's CSRF token and the language.
#include <httplib.h>

#include <string>

namespace kompas::web {

inline constexpr const char* kSessionCookie = "kompas_sessie";
inline constexpr const char* kFormCookie = "kompas_formulier";
inline constexpr const char* kLangCookie = "taal";

std::string cookie(const httplib::Request& req, const std::string& name);

// Secure when the request came over TLS or a proxy in front says the browser used https.
bool is_secure_request(const httplib::Request& req);

// HttpOnly, SameSite=Lax, Path=/; max_age 0 means a browser-session cookie, -1 deletes it.
void set_cookie(const httplib::Request& req, httplib::Response& res, const std::string& name,
                const std::string& value, long long max_age, bool http_only = true);

}  // namespace kompas::web
