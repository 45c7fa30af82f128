#include "web/deskundigheid/training_views.h"

#include <cmath>

#include "domain/numbers.h"
#include "store/training_store.h"
#include "web/ui/form.h"

namespace kompas::web {

nlohmann::json training_summary(const Ctx& ctx, const domain::Training& t, int sessions) {
  const bool whole = t.hours == std::floor(t.hours);
  return {{"id", t.id},
          {"href", "/deskundigheid/training/" + std::to_string(t.id)},
          {"title", t.title},
          {"provider", t.provider},
          {"kind", ctx.t("training.kind." + domain::word(t.kind))},
          {"hours", domain::format_decimal(t.hours, ctx.decimal_separator(), whole ? 0 : 1)},
          {"valid", t.valid_months == 0 ? ctx.t("training.valid_always")
                                        : ctx.tf("training.valid_for",
                                                 {{"months", std::to_string(t.valid_months)}})},
          {"sessions", sessions}};
}

nlohmann::json session_summary(const Ctx& ctx, const domain::TrainingSession& s,
                               soci::session& sql) {
  int attended = 0, listed = 0;
  for (const auto& p : store::session_participants(sql, s.id)) {
    ++listed;
    attended += p.attended ? 1 : 0;
  }
  return {{"id", s.id},
          {"href", "/deskundigheid/sessies/" + std::to_string(s.id)},
          {"date", ctx.date(s.date)},
          {"place", s.place},
          {"trainer", s.trainer},
          {"capacity", s.capacity == 0 ? "" : ctx.number(s.capacity)},
          {"listed", ctx.number(listed)},
          {"attended", ctx.number(attended)}};
}

std::string role_name(const std::vector<domain::NamedCode>& roles, const std::string& code) {
  for (const auto& r : roles)
    if (r.code == code) return r.name;
  return code;
}

std::optional<int> whole_number_field(const Ctx& ctx, const std::string& text,
                                      const std::string& field, domain::FieldErrors& errors) {
  const auto number = read_number_field(ctx, text, field, errors);
  if (!number) return std::nullopt;
  if (*number != std::floor(*number) || std::abs(*number) > 1e6) {
    errors[field] = "error.whole_number";
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

}  // namespace kompas::web
