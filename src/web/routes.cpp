#include "web/pages.h"

namespace kompas::web {

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
  register_admin_pages(app);
}

}  // namespace kompas::web
