#include "web/doelen/plan_tables.h"

#include "domain/year_values.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/contributions_store.h"
#include "web/doelen/pages.h"
#include "web/doelen/plan_views.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

DownloadCell optional_number(const std::optional<double>& v) {
  return v ? DownloadCell(*v) : DownloadCell(std::monostate{});
}

// The name of what an id refers to, as people wrote it; empty without an id.
DownloadCell written_name(const IdNames& names, std::optional<long long> id) {
  if (!id || *id == 0) return Written{};
  return Written{name_of(names, *id)};
}

DownloadTable table(const Ctx& ctx, const std::string& name,
                    std::initializer_list<const char*> header_keys) {
  DownloadTable t{name, {}, {}};
  for (const char* key : header_keys) t.header.push_back(ctx.t(key));
  return t;
}

std::string words(const Ctx& ctx, const std::vector<std::string>& list, const std::string& prefix) {
  std::string text;
  for (const auto& w : list) text += (text.empty() ? "" : ", ") + ctx.t(prefix + w);
  return text;
}

// The names every sheet looks up, read once.
struct Sheets {
  Ctx& ctx;
  soci::session& sql;
  PlanLookups names;

  std::string area_list(const std::vector<std::string>& codes) const {
    std::string text;
    for (const auto& code : codes) {
      const auto name = names.area_names.find(code);
      text += (text.empty() ? "" : ", ") + (name == names.area_names.end() ? code : name->second);
    }
    return text.empty() ? ctx.t("ambition.whole_municipality") : text;
  }

  DownloadTable ambitions(const std::vector<domain::Ambition>& list) const {
    auto amb =
        table(ctx, "ambities",
              {"ambition.title", "ambition.statement", "ambition.target_group", "ambition.areas",
               "ambition.start_year", "ambition.end_year", "ambition.status", "ambition.owner",
               "ambition.findings", "ambition.version"});
    for (const auto& a : list)
      amb.rows.push_back({Written{a.title}, Written{a.statement},
                          ctx.t("target_group." + a.target_group), area_list(a.areas),
                          static_cast<double>(a.start_year), static_cast<double>(a.end_year),
                          ctx.t("ambition.status." + domain::word(a.status)),
                          written_name(names.people, a.owner_person_id), Written{a.findings},
                          static_cast<double>(a.version)});
    return amb;
  }

  // The indicators, and every value shown for them (hidden survey cells stay hidden).
  std::pair<DownloadTable, DownloadTable> indicators(
      const std::vector<domain::Ambition>& ambitions) const {
    const auto& coalition = ctx.me().coalition;
    auto ind = table(ctx, "indicatoren",
                     {"contribution.ambition", "ind.name", "ind.kind", "ind.question", "ind.unit",
                      "ind.polarity", "ind.baseline_value", "ind.baseline_date", "ind.targets",
                      "ind.status", "ind.latest"});
    auto val = table(ctx, "waarden",
                     {"ind.name", "ind.year", "ind.value", "survey.csv.low", "survey.csv.high",
                      "survey.csv.n", "ind.origin", "ind.source", "ind.comment"});
    for (const auto& [ambition_id, list] :
         plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions)) {
      for (const auto& p : list) {
        const auto& i = p.indicator;
        const auto status = status_view(ctx, i, p.series);
        const auto& latest = p.series.status.latest;
        ind.rows.push_back({written_name(names.ambitions, ambition_id), Written{i.name},
                            ctx.t("ind.kind." + i.kind),
                            i.question.empty() ? "" : ctx.t("ind.question." + i.question),
                            ctx.t("ind.unit." + i.unit),
                            ctx.t("ind.polarity." + domain::word(i.polarity)),
                            optional_number(i.baseline_value), i.baseline_date,
                            domain::format_year_values(i.targets, ctx.decimal_separator()),
                            status["label"].get<std::string>(),
                            latest ? DownloadCell(latest->value) : DownloadCell(std::monostate{})});
        for (const auto& point : p.series.points) {
          if (!point.value) continue;
          val.rows.push_back({Written{i.name}, static_cast<double>(point.year), *point.value,
                              optional_number(point.low), optional_number(point.high),
                              point.n > 0 ? DownloadCell(static_cast<double>(point.n))
                                          : DownloadCell(std::monostate{}),
                              ctx.t("origin." + point.origin), Written{point.source},
                              Written{point.comment}});
        }
      }
    }
    return {ind, val};
  }

  DownloadTable activities() const {
    auto act = table(
        ctx, "activiteiten",
        {"activity.name", "activity.lead_partner", "activity.co_partners", "ambition.target_group",
         "ambition.areas", "activity.loneliness_type", "activity.degrees", "activity.elements",
         "activity.status", "activity.start_date", "activity.end_date", "activity.ambitions"});
    for (const auto& a : store::list_activities(sql, ctx.coalition_id())) {
      std::string co, linked;
      for (const auto id : a.co_partner_ids)
        co += (co.empty() ? "" : ", ") + name_of(names.partners, id);
      for (const auto id : a.ambition_ids)
        linked += (linked.empty() ? "" : ", ") + name_of(names.ambitions, id);
      act.rows.push_back({Written{a.name}, written_name(names.partners, a.lead_partner_id),
                          Written{co}, ctx.t("target_group." + a.target_group), area_list(a.areas),
                          ctx.t("loneliness_type." + a.loneliness_type),
                          words(ctx, a.degrees, "degree."), words(ctx, a.elements, "element."),
                          ctx.t("activity.status." + domain::word(a.status)), a.start_date,
                          a.end_date, Written{linked}});
    }
    return act;
  }

  DownloadTable contributions() const {
    auto con = table(
        ctx, "bijdragen",
        {"contribution.partner", "contribution.ambition", "contribution.what", "contribution.hours",
         "contribution.euros", "contribution.in_kind", "ambition.start_year", "ambition.end_year",
         "contribution.agreed_on", "contribution.status"});
    for (const auto& c : store::list_contributions(sql, ctx.coalition_id()))
      con.rows.push_back({written_name(names.partners, c.partner_id),
                          written_name(names.ambitions, c.ambition_id), Written{c.what},
                          optional_number(c.hours), optional_number(c.euros), Written{c.in_kind},
                          static_cast<double>(c.start_year), static_cast<double>(c.end_year),
                          c.agreed_on, ctx.t("contribution.status." + domain::word(c.status))});
    return con;
  }

  DownloadTable actions() const {
    auto acts = table(ctx, "acties",
                      {"action.title", "action.owner", "action.partner", "action.ambition",
                       "action.due_date", "action.status", "actions.overdue_count"});
    const auto today = today_date();
    for (const auto& a : store::list_actions(sql, ctx.coalition_id()))
      acts.rows.push_back(
          {Written{a.title}, written_name(names.people, a.owner_person_id),
           written_name(names.partners, a.partner_id), written_name(names.ambitions, a.ambition_id),
           a.due_date, ctx.t("action.status." + domain::word(a.status)),
           ctx.t(domain::is_overdue(a, today) ? "survey.csv.yes" : "survey.csv.no")});
    return acts;
  }
};

}  // namespace

std::vector<DownloadTable> plan_tables(Ctx& ctx, soci::session& sql) {
  const Sheets sheets{ctx, sql, load_plan_lookups(sql, ctx.coalition_id())};
  const auto ambitions = store::list_ambitions(sql, ctx.coalition_id());
  auto [indicators, values] = sheets.indicators(ambitions);
  return {sheets.ambitions(ambitions), indicators,      values, sheets.activities(),
          sheets.contributions(),      sheets.actions()};
}

}  // namespace kompas::web
