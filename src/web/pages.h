#pragma once
// One registration function per feature; each lives in <feature>_pages.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "web/app.h"
#include "web/delete_confirmation.h"

namespace kompas::web {

void register_auth_pages(App& app);      // login, logout, language, profile, health check
void register_overview_pages(App& app);  // overview and the steps of the cycle
void register_partners_pages(App& app);
void register_partner_home_pages(App& app);  // "Mijn organisatie": a partner's own page
void register_people_pages(App& app);
void register_areas_pages(App& app);
void register_survey_pages(App& app);         // Verkennen: surveys, their tables, charts and maps
void register_survey_upload_pages(App& app);  // upload with preview, then store
void register_figures_pages(App& app);        // published figures (RIVM model estimates)
void register_trend_pages(App& app);          // one area over all surveys
void register_boundaries_pages(App& app);     // GeoJSON area boundaries for the maps
void register_admin_pages(App& app);          // coalition settings and audit log
void register_ambition_pages(App& app);       // Doelen: ambitions and their versions
void register_indicator_pages(App& app);      // indicators: values, status, chart, stories
void register_activity_pages(App& app);       // Wie doet wat: activities and coverage
void register_contribution_pages(App& app);   // Wie doet wat: partner × ambition contributions
void register_action_pages(App& app);         // agreed actions with their status log
void register_plan_pages(App& app);           // the plan document, XLSX and CSV
void register_dashboard_pages(App& app);      // the public dashboard (when switched on)
void register_api_pages(App& app);            // the read API (/api/v1/) and its OpenAPI document
void register_token_pages(App& app);          // personal API tokens on the profile page

// The profile page (web/auth_pages.cpp) with the API token section (web/token_pages.cpp);
// `tokens` null means the section as stored.
void show_profile(Ctx& ctx, const domain::FieldErrors& errors, int status,
                  const nlohmann::json& tokens);
nlohmann::json api_token_section(Ctx& ctx, const std::string& new_token,
                                 const std::string& error_key);

// A partner's contributions as rows for its page (web/contribution_pages.cpp).
nlohmann::json partner_contributions(Ctx& ctx, soci::session& sql, long long partner_id);

// Small readers of what people type and of today's date, shared by the plan's pages.
std::optional<long long> parse_id(std::string_view text);  // digits only, else nothing
int parse_year(std::string_view text);                     // four digits, else 0
std::string today_date();                                  // local YYYY-MM-DD
int current_year();

// Parses the id captured by a route pattern; anything odd is simply "not found".
long long id_param(const Ctx& ctx, std::size_t index = 1);

}  // namespace kompas::web
