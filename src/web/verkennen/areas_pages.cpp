#include "store/areas_store.h"
#include "web/ui/form.h"
#include "web/ui/listing.h"
#include "web/ui/problems.h"
#include "web/verkennen/pages.h"

namespace kompas::web {
namespace {

const std::vector<FieldSpec> kImportFields = {
    {"bestand", "areas.file", FieldKind::file, true, "areas.file_hint", {}, ""},
};

nlohmann::json figure(const std::optional<long long>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

// Figures sort as numbers but show with the language's thousands separator.
void add_figure(const Ctx& ctx, nlohmann::json& row, const std::string& key,
                const std::optional<long long>& value) {
  row[key] = figure(value);
  row[key + "_text"] = value ? ctx.number(*value) : "";
}

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& a : store::list_areas(conn.sql(), ctx.coalition_id())) {
    nlohmann::json row = {{"code", a.code},
                          {"name", a.name},
                          {"level", ctx.t("area.level." + domain::area_level_name(a.level))},
                          {"parent_code", a.parent_code}};
    add_figure(ctx, row, "inhabitants", a.figures.inhabitants);
    add_figure(ctx, row, "inhabitants_65plus", a.figures.inhabitants_65plus);
    add_figure(ctx, row, "one_person_households", a.figures.one_person_households);
    rows.push_back(std::move(row));
  }
  auto data = make_listing(ctx, "/gebieden",
                           {{"code", "area.code"},
                            {"name", "area.name"},
                            {"level", "area.level"},
                            {"parent_code", "area.parent"},
                            {"inhabitants", "area.inhabitants", true},
                            {"inhabitants_65plus", "area.inhabitants_65plus", true},
                            {"one_person_households", "area.one_person_households", true}},
                           std::move(rows), "code");
  data["is_beheerder"] = ctx.me().is_beheerder();
  ctx.page("verkennen/area_list", ctx.t("areas.title"), data);
}

FormPage import_page(const Ctx& ctx) {
  FormPage page{ctx.t("areas.import_title"), "/gebieden/importeren", "/gebieden",
                ctx.t("areas.import_intro"), "areas.import_submit",  true};
  return page;
}

void show_import(Ctx& ctx, const std::vector<std::string>& problems, int status = 200) {
  if (problems.empty()) return show_form_page(ctx, import_page(ctx), kImportFields, {}, {}, status);
  // The file problems are listed in full above the form; the field itself gets a short note.
  const auto page = import_page(ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& text : problems) items.push_back(text);
  ctx.page("verkennen/area_import_problems", page.heading,
           {{"heading", page.heading},
            {"intro", page.intro},
            {"problems", items},
            {"count", problems.size()},
            {"csrf", ctx.me().csrf_token},
            {"fields", form_fields(ctx, kImportFields, {}, {})}},
           status);
}

void import(Ctx& ctx) {
  if (!ctx.req.has_file("bestand") || ctx.req.get_file_value("bestand").content.empty())
    return show_import(ctx, {ctx.t("areas.no_file")}, 422);
  const auto& bytes = ctx.req.get_file_value("bestand").content;
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto parsed = domain::parse_area_csv(bytes, me.coalition.gemeente_code,
                                             store::area_codes(change.sql(), me.coalition.id));
  if (!parsed.problems.empty()) {
    std::vector<std::string> texts;
    for (const auto& problem : parsed.problems)
      texts.push_back(problem_text(ctx.app.catalogue(), ctx.lang, problem));
    return show_import(ctx, texts, 422);
  }
  const auto counts = store::save_areas(change, parsed.areas);
  change.commit();
  const auto notice =
      parsed.skipped_other_gemeente > 0 ? "areas_imported_skipped" : "areas_imported";
  ctx.redirect("/gebieden?melding=" + std::string(notice) + "&nieuw=" +
               std::to_string(counts.created) + "&gewijzigd=" + std::to_string(counts.updated) +
               "&ongewijzigd=" + std::to_string(counts.unchanged) +
               "&overgeslagen=" + std::to_string(parsed.skipped_other_gemeente));
}

}  // namespace

void register_areas_pages(App& app) {
  app.get("/gebieden", Access::signed_in, list, Caching::body);
  app.get("/gebieden/importeren", Access::beheerder, [](Ctx& ctx) { show_import(ctx, {}); });
  app.post("/gebieden/importeren", Access::beheerder, import);
}

}  // namespace kompas::web
