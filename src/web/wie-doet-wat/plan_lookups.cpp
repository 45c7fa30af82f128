#include "web/wie-doet-wat/plan_lookups.h"

#include <algorithm>

#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "store/surveys_store.h"
#include "web/ui/percent.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

void sort_by_name(IdNames& names) {
  std::stable_sort(names.begin(), names.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
}

}  // namespace

std::set<std::string> PlanLookups::area_codes() const {
  std::set<std::string> codes;
  for (const auto& [code, name] : area_names) codes.insert(code);
  return codes;
}

std::set<long long> PlanLookups::partner_ids() const {
  std::set<long long> result;
  for (const auto& [id, name] : partners) result.insert(id);
  return result;
}

std::set<long long> PlanLookups::ambition_ids() const {
  std::set<long long> result;
  for (const auto& [id, title] : ambitions) result.insert(id);
  return result;
}

PlanLookups load_plan_lookups(soci::session& sql, long long coalition_id) {
  PlanLookups names;
  for (const auto& p : store::list_partners(sql, coalition_id))
    names.partners.emplace_back(p.id, p.name);
  for (const auto& a : store::list_ambitions(sql, coalition_id))
    names.ambitions.emplace_back(a.id, a.title);
  for (const auto& p : store::list_people(sql, coalition_id)) {
    names.people.emplace_back(p.id, p.name);
    if (p.active) names.active_people.emplace_back(p.id, p.name);
  }
  for (const auto& a : store::list_areas(sql, coalition_id)) {
    names.area_names[a.code] = a.name;
    if (a.level == domain::AreaLevel::wijk) names.wijken.emplace_back(a.code, a.name);
  }
  sort_by_name(names.partners);
  sort_by_name(names.people);
  sort_by_name(names.active_people);
  std::stable_sort(names.wijken.begin(), names.wijken.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  return names;
}

std::string name_of(const IdNames& names, long long id) {
  for (const auto& [known, name] : names)
    if (known == id) return name;
  return "";
}

std::vector<std::pair<std::string, std::string>> word_options(const Ctx& ctx,
                                                              const std::vector<std::string>& words,
                                                              const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& word : words) options.emplace_back(word, ctx.t(prefix + word));
  return options;
}

nlohmann::json activity_summary(const Ctx& ctx, const domain::Activity& a,
                                const PlanLookups& names) {
  auto labels = [&](const std::vector<std::string>& words, const std::string& prefix) {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : ", ") + ctx.t(prefix + w);
    return text;
  };
  std::string areas;
  for (const auto& code : a.areas) {
    const auto name = names.area_names.find(code);
    areas += (areas.empty() ? "" : ", ") + (name == names.area_names.end() ? code : name->second);
  }
  std::string co_partners, ambitions;
  for (const auto id : a.co_partner_ids)
    co_partners += (co_partners.empty() ? "" : ", ") + name_of(names.partners, id);
  nlohmann::json ambition_links = nlohmann::json::array();
  for (const auto id : a.ambition_ids)
    ambition_links.push_back(
        {{"href", "/doelen/" + std::to_string(id)}, {"title", name_of(names.ambitions, id)}});
  return {{"id", a.id},
          {"href", "/wie-doet-wat/activiteiten/" + std::to_string(a.id)},
          {"name", a.name},
          {"lead_partner", a.lead_partner_id ? name_of(names.partners, *a.lead_partner_id) : ""},
          {"co_partners", co_partners},
          {"target_group", ctx.t("target_group." + a.target_group)},
          {"areas", areas.empty() ? ctx.t("ambition.whole_municipality") : areas},
          {"loneliness_type", ctx.t("loneliness_type." + a.loneliness_type)},
          {"degrees", labels(a.degrees, "degree.")},
          {"elements", labels(a.elements, "element.")},
          {"method", ctx.t("activity.method." + domain::word(a.method))},
          {"status", ctx.t("activity.status." + domain::word(a.status))},
          {"period", a.start_date.empty() ? ""
                     : a.end_date.empty()
                         ? ctx.tf("activity.period_from", {{"date", ctx.date(a.start_date)}})
                         : ctx.date(a.start_date) + " – " + ctx.date(a.end_date)},
          {"ambitions", ambition_links},
          {"has_ambitions", !ambition_links.empty()}};
}

std::map<std::string, nlohmann::json> latest_wijk_figures(const Ctx& ctx, soci::session& sql) {
  std::map<std::string, nlohmann::json> figures;
  const auto found = newest_wijk_figures(sql, ctx.coalition_id(), {"eenzaam", "ernstig"});
  for (const auto& area : found.areas) {
    const auto shown = found.shown.find(area);
    const auto text = [&](const std::string& indicator) {
      if (shown == found.shown.end()) return nlohmann::json();
      const auto cell = shown->second.find(indicator);
      return cell == shown->second.end() ? nlohmann::json()
                                         : nlohmann::json(percent(ctx, cell->second.estimate));
    };
    figures[area] = {
        {"survey", found.survey->name}, {"eenzaam", text("eenzaam")}, {"ernstig", text("ernstig")}};
  }
  return figures;
}

}  // namespace kompas::web
