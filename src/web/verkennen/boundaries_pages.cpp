// Area boundaries for the maps: the beheerder uploads GeoJSON with CBS codes in a property.
#include "domain/geojson.h"
#include "store/areas_store.h"
#include "store/boundaries_store.h"
#include "web/ui/form.h"
#include "web/ui/problems.h"
#include "web/verkennen/pages.h"

namespace kompas::web {
namespace {

const std::vector<FieldSpec> kFields = {
    {"bestand", "boundaries.file", FieldKind::file, true, "boundaries.file_hint", {}, ""},
};

FormPage page(const Ctx& ctx) {
  return {ctx.t("boundaries.title"), "/gebieden/kaart",   "/gebieden",
          ctx.t("boundaries.intro"), "boundaries.submit", true};
}

void upload(Ctx& ctx) {
  if (!ctx.req.has_file("bestand") || ctx.req.get_file_value("bestand").content.empty())
    return show_form_page(ctx, page(ctx), kFields, nlohmann::json::object(),
                          {{"bestand", "upload.error.file"}}, 422);
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto parsed = domain::parse_boundaries(ctx.req.get_file_value("bestand").content,
                                               store::area_codes(change.sql(), me.coalition.id));
  if (!parsed.problems.empty()) {
    std::string text;
    for (const auto& problem : parsed.problems)
      text += (text.empty() ? "" : " ") + problem_text(ctx.app.catalogue(), ctx.lang, problem);
    auto form = page(ctx);
    form.intro += " " + text;
    return show_form_page(ctx, form, kFields, nlohmann::json::object(),
                          {{"bestand", "boundaries.error"}}, 422);
  }
  const int stored = store::save_boundaries(change, parsed.geometries);
  change.commit();
  ctx.redirect("/gebieden?melding=boundaries_imported&aantal=" + std::to_string(stored) +
               "&overgeslagen=" + std::to_string(parsed.skipped));
}

}  // namespace

void register_boundaries_pages(App& app) {
  app.get("/gebieden/kaart", Access::beheerder,
          [](Ctx& ctx) { show_form_page(ctx, page(ctx), kFields, nlohmann::json::object(), {}); });
  app.post("/gebieden/kaart", Access::beheerder, upload);
}

}  // namespace kompas::web
