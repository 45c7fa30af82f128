// /deskundigheid: what the section holds, for a frontline worker who opens it the first time.
#include "store/knowledge_store.h"
#include "web/deskundigheid/pages.h"

namespace kompas::web {

void register_expertise_pages(App& app) {
  app.get(
      "/deskundigheid", Access::signed_in,
      [](Ctx& ctx) {
        store::Connection conn(ctx.app.db());
        int shown = 0;
        for (const auto& a : store::list_articles(conn.sql(), ctx.coalition_id()))
          shown += a.shown ? 1 : 0;
        ctx.page("deskundigheid/index", ctx.t("expertise.title"),
                 {{"articles", ctx.tf("expertise.articles", {{"count", ctx.number(shown)}})}});
      },
      Caching::body);
}

}  // namespace kompas::web
