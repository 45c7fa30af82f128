#include "web/ui/delete_confirmation.h"

#include "web/core/app.h"

namespace kompas::web {

void show_delete_confirmation(Ctx& ctx, const DeleteConfirmation& page) {
  ctx.page("confirm_delete", page.title,
           {{"title", page.title},
            {"question", page.question},
            {"consequences", page.consequences},
            {"action", page.action},
            {"back", page.back},
            {"submit", page.submit},
            {"blocked", page.blocked},
            {"csrf", ctx.me().csrf_token}});
}

void require_delete_confirmation(const Ctx& ctx) {
  if (ctx.field("bevestig") != "ja") throw HttpError{422, "delete.unconfirmed"};
}

}  // namespace kompas::web
