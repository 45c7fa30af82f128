#include <chrono>
#include <ctime>

#include "domain/text.h"
#include "web/pages.h"

namespace kompas::web {

std::optional<long long> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != text.npos)
    return std::nullopt;
  return std::stoll(std::string(text));
}

int parse_year(std::string_view text) {
  const auto trimmed = domain::trim(text);
  if (trimmed.size() != 4 || trimmed.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoi(trimmed);
}

std::string today_date() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

int current_year() {
  return std::stoi(today_date().substr(0, 4));
}

void register_routes(App& app) {
  register_auth_pages(app);
  register_overview_pages(app);
  register_partners_pages(app);
  register_partner_home_pages(app);
  register_people_pages(app);
  register_areas_pages(app);
  register_survey_upload_pages(app);
  register_survey_pages(app);
  register_figures_pages(app);
  register_trend_pages(app);
  register_boundaries_pages(app);
  register_ambition_pages(app);
  register_indicator_pages(app);
  register_activity_pages(app);
  register_contribution_pages(app);
  register_action_pages(app);
  register_plan_pages(app);
  register_dashboard_pages(app);
  register_api_pages(app);
  register_token_pages(app);
  register_admin_pages(app);
}

}  // namespace kompas::web
