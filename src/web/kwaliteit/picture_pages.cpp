// The coalition's quality picture (/kwaliteit/beeld): which effective elements the running
// activities use per wijk and degree (a zero is a gap), how many work with a known method,
// where the offer does not match the newest survey, and the activities without a recent check.
#include "web/kwaliteit/pages.h"
#include "web/kwaliteit/quality_picture.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"
#include "web/ui/percent.h"

namespace kompas::web {
namespace {

// A grid of counts as a table beside its heat map: a row per element, a column per label.
nlohmann::json grid_table(const Ctx& ctx, const std::vector<std::string>& columns,
                          const std::vector<std::vector<int>>& counts) {
  nlohmann::json rows = nlohmann::json::array();
  const auto& elements = domain::effective_elements();
  for (std::size_t e = 0; e < elements.size(); ++e)
    rows.push_back({{"element", ctx.t("element." + elements[e])}, {"cells", counts[e]}});
  return {{"columns", columns}, {"rows", rows}};
}

nlohmann::json method_section(const Ctx& ctx, const domain::MethodShare& share) {
  std::vector<Bar> bars;
  nlohmann::json rows = nlohmann::json::array();
  const auto share_of = [&](int count) {
    return share.running == 0 ? 0.0 : static_cast<double>(count) / share.running;
  };
  const auto levels = domain::all_words<domain::MethodLevel>();
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const auto label = ctx.t("activity.method." + levels[i]);
    const auto count = share.by_level[i];
    bars.push_back({.label = label, .value = share_of(count)});
    rows.push_back({{"label", label}, {"count", count}, {"share", percent(ctx, share_of(count))}});
  }
  return {{"summary", ctx.tf("quality.methods_summary",
                             {{"recognised", std::to_string(share.recognised())},
                              {"running", std::to_string(share.running)},
                              {"percent", percent(ctx, share_of(share.recognised()))}})},
          {"svg", bar_chart_svg(bars, std::nullopt, ctx.t("quality.methods_title"),
                                ctx.t("quality.methods_desc"))},
          {"rows", rows},
          {"any", share.running > 0}};
}

// "Buurtkamer (sociaal), Maatjes (beide)": what runs in the wijk, with the kind it addresses.
std::string running_here(const Ctx& ctx, const QualityPicture& picture,
                         const std::vector<long long>& ids) {
  std::string list;
  for (const auto id : ids) {
    const auto* a = picture.activity(id);
    if (!a) continue;
    list += (list.empty() ? "" : ", ") + a->name + " (" +
            ctx.t("loneliness_type." + a->loneliness_type) + ")";
  }
  return list.empty() ? ctx.t("quality.mismatch_nothing_here")
                      : ctx.tf("quality.mismatch_here", {{"list", list}});
}

nlohmann::json mismatch_section(const Ctx& ctx, const QualityPicture& picture) {
  nlohmann::json items = nlohmann::json::array();
  const bool severe_everywhere_missing = !picture.severe_offered;
  for (const auto& m : picture.mismatches) {
    if (m.kind == domain::MismatchKind::ernstig_zonder_aanbod && severe_everywhere_missing)
      continue;  // said once for the whole gemeente
    std::map<std::string, std::string> values = {{"wijk", picture.wijk_name(m.wijk)}};
    for (const auto& f : picture.figures) {
      if (f.code != m.wijk) continue;
      const bool emotional = m.kind == domain::MismatchKind::emotioneel_zonder_aanbod;
      const auto& wijk = emotional ? f.emotional : f.social;
      const auto& gemeente = emotional ? picture.gemeente_emotional : picture.gemeente_social;
      if (wijk && gemeente) {
        values["wijk_percent"] = percent(ctx, wijk->estimate);
        values["gemeente_percent"] = percent(ctx, *gemeente);
      }
    }
    items.push_back({{"text", ctx.tf("quality.mismatch." + domain::word(m.kind), values)},
                     {"here", running_here(ctx, picture, m.activity_ids)}});
  }
  const bool survey_figures = picture.gemeente_emotional || picture.gemeente_social;
  return {{"items", items},
          {"any", !items.empty()},
          {"no_severe", severe_everywhere_missing},
          {"survey", picture.survey.empty()
                         ? ctx.t("quality.mismatch_no_survey")
                         : ctx.tf(survey_figures ? "quality.mismatch_survey"
                                                 : "quality.mismatch_survey_without_kinds",
                                  {{"survey", picture.survey}})}};
}

// The picture's tables for download: the same counts as the page.
std::vector<DownloadTable> picture_tables(const Ctx& ctx, const QualityPicture& picture) {
  const auto grid = [&](const char* name, const std::vector<std::string>& columns,
                        const std::vector<std::vector<int>>& counts) {
    DownloadTable table{name, {ctx.t("quality.col_element")}, {}};
    table.header.insert(table.header.end(), columns.begin(), columns.end());
    const auto& elements = domain::effective_elements();
    for (std::size_t e = 0; e < elements.size(); ++e) {
      std::vector<DownloadCell> row = {ctx.t("element." + elements[e])};
      for (const auto count : counts[e]) row.push_back(static_cast<double>(count));
      table.rows.push_back(std::move(row));
    }
    return table;
  };
  std::vector<std::string> degrees;
  for (const auto& d : domain::loneliness_degrees()) degrees.push_back(ctx.t("degree." + d));
  DownloadTable methods{
      "methoden", {ctx.t("activity.method"), ctx.t("quality.col_activities")}, {}};
  const auto levels = domain::all_words<domain::MethodLevel>();
  for (std::size_t i = 0; i < levels.size(); ++i)
    methods.rows.push_back(
        {ctx.t("activity.method." + levels[i]), static_cast<double>(picture.methods.by_level[i])});
  DownloadTable unchecked{"zonder_check", {ctx.t("quality.col_activity")}, {}};
  for (const auto id : picture.unchecked) unchecked.rows.push_back({picture.activity(id)->name});
  return {grid("elementen_per_wijk", picture.wijk_names, picture.by_area),
          grid("elementen_per_graad", degrees, picture.by_degree), methods, unchecked};
}

void picture_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto picture = load_quality_picture(conn.sql(), ctx.coalition_id(), today_date());
  std::vector<std::string> degrees;
  for (const auto& d : domain::loneliness_degrees()) degrees.push_back(ctx.t("degree." + d));
  std::vector<std::string> elements;
  for (const auto& e : domain::effective_elements()) elements.push_back(ctx.t("element." + e));
  nlohmann::json unchecked = nlohmann::json::array();
  for (const auto id : picture.unchecked)
    unchecked.push_back({{"name", picture.activity(id)->name},
                         {"href", "/kwaliteit/activiteiten/" + std::to_string(id)}});
  ctx.page("kwaliteit/picture", ctx.t("quality.picture_title"),
           {{"by_area_svg", heat_map_svg(elements, picture.wijk_names, picture.by_area,
                                         ctx.t("quality.by_area"), ctx.t("quality.heat_desc"))},
            {"by_area", grid_table(ctx, picture.wijk_names, picture.by_area)},
            {"has_wijken", !picture.wijk_names.empty()},
            {"by_degree_svg", heat_map_svg(elements, degrees, picture.by_degree,
                                           ctx.t("quality.by_degree"), ctx.t("quality.heat_desc"))},
            {"by_degree", grid_table(ctx, degrees, picture.by_degree)},
            {"methods", method_section(ctx, picture.methods)},
            {"mismatch", mismatch_section(ctx, picture)},
            {"unchecked", unchecked},
            {"has_unchecked", !unchecked.empty()}});
}

}  // namespace

void register_picture_pages(App& app) {
  app.get("/kwaliteit/beeld", Access::signed_in, picture_page, Caching::body);
  app.get(R"(/kwaliteit/beeld\.xlsx)", Access::signed_in, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    send_workbook(
        ctx, "kwaliteitsbeeld",
        picture_tables(ctx, load_quality_picture(conn.sql(), ctx.coalition_id(), today_date())));
  });
  app.get(R"(/kwaliteit/beeld/(elementen_per_wijk|elementen_per_graad|methoden|zonder_check)\.csv)",
          Access::signed_in, [](Ctx& ctx) {
            store::Connection conn(ctx.app.db());
            const auto picture = load_quality_picture(conn.sql(), ctx.coalition_id(), today_date());
            for (const auto& table : picture_tables(ctx, picture))
              if (table.name == ctx.path_param(1)) return send_download(ctx, table, "csv");
            not_found();
          });
}

}  // namespace kompas::web
