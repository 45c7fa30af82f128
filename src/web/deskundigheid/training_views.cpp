#include "web/deskundigheid/training_views.h"

#include <algorithm>

#include "domain/numbers.h"
#include "store/areas_store.h"
#include "store/partners_store.h"
#include "web/ui/form.h"

namespace kompas::web {

nlohmann::json training_summary(const Ctx& ctx, const domain::Training& t, int sessions) {
  return {{"id", t.id},
          {"href", "/deskundigheid/training/" + std::to_string(t.id)},
          {"title", t.title},
          {"provider", t.provider},
          {"kind", ctx.t("training.kind." + domain::word(t.kind))},
          {"hours", domain::format_grouped(t.hours, ctx.decimal_separator(), 2)},
          {"valid", t.valid_months == 0 ? ctx.t("training.valid_always")
                                        : ctx.tf("training.valid_for",
                                                 {{"months", std::to_string(t.valid_months)}})},
          {"sessions", sessions}};
}

nlohmann::json session_summary(const Ctx& ctx, const domain::TrainingSession& s,
                               const store::SessionCounts& counts) {
  const auto found = counts.find(s.id);
  const auto [listed, attended] = found == counts.end()
                                      ? std::pair{0, 0}
                                      : std::pair{found->second.listed, found->second.attended};
  return {{"id", s.id},
          {"href", "/deskundigheid/sessies/" + std::to_string(s.id)},
          {"date", ctx.date(s.date)},
          {"place", s.place},
          {"trainer", s.trainer},
          {"capacity", s.capacity == 0 ? "" : ctx.number(s.capacity)},
          {"listed", ctx.number(listed)},
          {"attended", ctx.number(attended)}};
}

std::optional<long long> only_partner(const Ctx& ctx) {
  if (ctx.me().is_beheerder()) return std::nullopt;
  return ctx.me().person.partner_id.value_or(-1);
}

RegisterNames register_names(const Ctx& ctx, soci::session& sql) {
  RegisterNames names;
  const auto only = only_partner(ctx);
  for (const auto& p : store::list_partners(sql, ctx.coalition_id())) {
    if (!p.active) continue;
    names.all_partners.push_back({p.id, p.name});
    if (!only || *only == p.id) names.partners.push_back({p.id, p.name});
  }
  for (const auto& r : store::list_frontline_roles(sql, ctx.coalition_id())) {
    names.roles.push_back({r.code, ctx.lang == Lang::en ? r.name_en : r.name});
    names.roles_in_both.push_back({r.code, r.name});
    names.roles_in_both.push_back({r.code, r.name_en});
  }
  for (const auto& a : store::list_areas(sql, ctx.coalition_id()))
    if (a.level == domain::AreaLevel::wijk) names.wijken.push_back({a.code, a.name});
  return names;
}

std::vector<FieldSpec> partner_role_wijk_fields(const RegisterNames& names,
                                                const std::string& wijk_hint_key) {
  std::vector<std::pair<std::string, std::string>> partners, roles, wijken;
  for (const auto& p : names.partners) partners.emplace_back(std::to_string(p.id), p.name);
  for (const auto& r : names.roles) roles.emplace_back(r.code, r.name);
  for (const auto& w : names.wijken) wijken.emplace_back(w.code, w.name);
  return {{"partner_id", "participant.partner", FieldKind::select, true, "", partners, ""},
          {"role", "participant.role", FieldKind::select, true, "", roles, ""},
          {"wijk_code", "participant.wijk", FieldKind::select, false, wijk_hint_key, wijken, "",
           "participant.whole_gemeente"}};
}

void check_offered(const RegisterNames& names, long long partner_id, const std::string& role,
                   const std::string& wijk_code, domain::FieldErrors& errors) {
  const auto has = [](const auto& list, auto match) {
    return std::any_of(list.begin(), list.end(), match);
  };
  if (!has(names.partners, [&](const auto& n) { return n.id == partner_id; }))
    errors["partner_id"] = "error.choose";
  if (!has(names.roles, [&](const auto& n) { return n.code == role; }))
    errors["role"] = "error.choose";
  if (!wijk_code.empty() && !has(names.wijken, [&](const auto& n) { return n.code == wijk_code; }))
    errors["wijk_code"] = "error.choose";
}

std::string role_name(const std::vector<domain::NamedCode>& roles, const std::string& code) {
  for (const auto& r : roles)
    if (r.code == code) return r.name;
  return code;
}

}  // namespace kompas::web
