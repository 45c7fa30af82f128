#include <ctime>

#include "web/pages.h"

namespace kompas::web {

std::string local_time(long long seconds) {
  std::time_t t = seconds;
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  return text;
}

void register_routes(App& app) {
  register_auth_pages(app);
  register_overview_pages(app);
  register_partners_pages(app);
  register_people_pages(app);
  register_areas_pages(app);
  register_survey_upload_pages(app);
  register_survey_pages(app);
  register_figures_pages(app);
  register_trend_pages(app);
  register_boundaries_pages(app);
  register_ambition_pages(app);
  register_indicator_pages(app);
  register_admin_pages(app);
}

}  // namespace kompas::web
