// Published figures per area (e.g. RIVM's model estimates): the list and the import.
#include "domain/text_limits.h"
#include "store/areas_store.h"
#include "store/published_figures_store.h"
#include "web/ui/downloads.h"
#include "web/ui/field_limits.h"
#include "web/ui/form.h"
#include "web/ui/percent.h"
#include "web/verkennen/pages.h"

namespace kompas::web {
namespace {

const std::vector<FieldSpec> kImportFields = {
    {"bestand", "figures.file", FieldKind::file, true, "figures.file_hint", {}, ""},
    {.name = "bron",
     .label_key = "figures.source",
     .kind = FieldKind::text,
     .hint_key = "figures.source_hint",
     .max_length = domain::text_limit::line},
    {"direct", "figures.direct", FieldKind::checkbox, false, "figures.direct_hint", {}, ""},
};

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  std::map<std::string, std::string> names;
  for (const auto& a : store::list_areas(conn.sql(), ctx.coalition_id())) names[a.code] = a.name;
  nlohmann::json rows = nlohmann::json::array();
  DownloadTable download{"gepubliceerde-cijfers", {}, {}};
  for (const char* key :
       {"figures.area", "figures.code", "figures.indicator", "survey.year", "survey.csv.percent",
        "survey.csv.low", "survey.csv.high", "survey.source", "figures.model"})
    download.header.push_back(ctx.t(key));
  for (const auto& f : store::list_published_figures(conn.sql(), ctx.coalition_id())) {
    const auto name = names.find(f.area_code);
    download.rows.push_back({name == names.end() ? f.area_code : name->second, f.area_code,
                             ctx.t("indicator." + f.indicator), static_cast<double>(f.year),
                             f.value * 100,
                             f.low ? DownloadCell(*f.low * 100) : DownloadCell(std::monostate{}),
                             f.high ? DownloadCell(*f.high * 100) : DownloadCell(std::monostate{}),
                             f.source, ctx.t(f.model_based ? "survey.csv.yes" : "survey.csv.no")});
    rows.push_back({{"area", name == names.end() ? f.area_code : name->second},
                    {"code", f.area_code},
                    {"indicator", ctx.t("indicator." + f.indicator)},
                    {"year", f.year},
                    {"value", percent(ctx, f.value)},
                    {"interval", f.low && f.high ? percent_range(ctx, *f.low, *f.high) : ""},
                    {"source", f.source},
                    {"model", f.model_based}});
  }
  if (ctx.req.matches.size() > 1) return send_download(ctx, download, ctx.path_param(1));
  ctx.page("verkennen/figure_list", ctx.t("figures.title"),
           {{"rows", rows}, {"empty", rows.empty()}, {"is_beheerder", ctx.me().is_beheerder()}});
}

FormPage import_page(const Ctx& ctx) {
  return {ctx.t("figures.import_title"), "/verkennen/cijfers/importeren", "/verkennen/cijfers",
          ctx.t("figures.import_intro"), "figures.import_submit",         true};
}

void import(Ctx& ctx) {
  auto values = read_form(ctx, kImportFields);
  domain::FieldErrors errors;
  if (!ctx.req.has_file("bestand") || ctx.req.get_file_value("bestand").content.empty())
    errors["bestand"] = "upload.error.file";
  check_lengths(kImportFields, values, errors);
  if (!errors.empty())
    return show_form_page(ctx, import_page(ctx), kImportFields, values, errors, 422);
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto parsed = domain::parse_published_figures(
      ctx.req.get_file_value("bestand").content, store::area_codes(change.sql(), me.coalition.id),
      values["bron"].get<std::string>(), !values["direct"].get<bool>());
  if (!parsed.problems.empty()) {
    const auto page = import_page(ctx);
    return show_import_problems(ctx, page, kImportFields, values, parsed.problems);
  }
  const auto counts = store::save_published_figures(change, parsed.figures);
  change.commit();
  ctx.redirect("/verkennen/cijfers?melding=figures_imported&nieuw=" +
               std::to_string(counts.created) + "&gewijzigd=" + std::to_string(counts.updated));
}

}  // namespace

void register_figures_pages(App& app) {
  app.get("/verkennen/cijfers", Access::signed_in, list, Caching::body);
  app.get(R"(/verkennen/cijfers\.(csv|xlsx))", Access::signed_in, list);
  app.get("/verkennen/cijfers/importeren", Access::beheerder, [](Ctx& ctx) {
    show_form_page(ctx, import_page(ctx), kImportFields, nlohmann::json::object(), {});
  });
  app.post("/verkennen/cijfers/importeren", Access::beheerder, import);
}

}  // namespace kompas::web
