#pragma once
// The pages of this section, registered by its section.cpp.
#include "domain/validation.h"
#include "web/ui/input.h"

namespace kompas::web {

void register_auth_pages(App& app);   // login, logout, language, profile, health check
void register_token_pages(App& app);  // personal API tokens on the profile page

// The profile page (auth_pages.cpp) with the API token section (token_pages.cpp); `tokens`
// null means the section as stored.
void show_profile(Ctx& ctx, const domain::FieldErrors& errors, int status,
                  const nlohmann::json& tokens);
nlohmann::json api_token_section(Ctx& ctx, const std::string& new_token,
                                 const std::string& error_key);

}  // namespace kompas::web
