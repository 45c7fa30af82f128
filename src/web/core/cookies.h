#pragma once
// Reading and writing cookies: the session, the login form's CSRF token and the language.
#include <string>

#include "web/core/http.h"

namespace kompas::web {

inline constexpr const char* kSessionCookie = "kompas_sessie";
inline constexpr const char* kFormCookie = "kompas_formulier";
inline constexpr const char* kLangCookie = "taal";
// A browser where someone signed in before (store/known_devices_store.h).
inline constexpr const char* kDeviceCookie = "kompas_apparaat";

std::string cookie(const Request& req, const std::string& name);

// HttpOnly, SameSite=Lax, Path=/; max_age 0 means a browser-session cookie, -1 deletes it.
// `secure`: the browser used https (Ctx::is_https: said by a trusted proxy).
void set_cookie(Response& res, bool secure, const std::string& name, const std::string& value,
                long long max_age, bool http_only = true);

}  // namespace kompas::web
