// Signing in and out, the language, one's own profile and password, and API tokens. Not an item
// of the navigation: the header links to the profile.
#include "web/core/section.h"

#include "web/account/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section account_section() {
  return {
      .audited = {{"api-sleutel", {"name", "revoked"}}},
      .register_routes =
          [](App& app) {
            register_auth_pages(app);
            register_token_pages(app);
          },
  };
}

}  // namespace kompas::web
