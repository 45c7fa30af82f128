// /api/v1/quality-picture, /api/v1/self-scans and /api/v1/meetings: the coalition's quality
// picture, its yearly self-scans and its meetings with their decisions, as the pages show them
// (no survey cell the pages hide, no individual check scores).
#include "domain/self_scan.h"
#include "store/meetings_store.h"
#include "store/quality_instruments_store.h"
#include "store/self_scans_store.h"
#include "web/api/pages.h"
#include "web/kwaliteit/quality_picture.h"

namespace kompas::web {
namespace {

using api::or_null;
using api::send_json;

nlohmann::json grid(const std::vector<std::string>& columns,
                    const std::vector<std::vector<int>>& counts, const char* column_name) {
  nlohmann::json list = nlohmann::json::array();
  const auto& elements = domain::effective_elements();
  for (std::size_t e = 0; e < elements.size(); ++e)
    for (std::size_t c = 0; c < columns.size(); ++c)
      list.push_back(
          {{"element", elements[e]}, {column_name, columns[c]}, {"count", counts[e][c]}});
  return list;
}

void quality_picture(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto picture = load_quality_picture(conn.sql(), ctx.coalition_id(), today_date());
  nlohmann::json methods = nlohmann::json::object();
  const auto levels = domain::all_words<domain::MethodLevel>();
  for (std::size_t i = 0; i < levels.size(); ++i) methods[levels[i]] = picture.methods.by_level[i];
  nlohmann::json mismatches = nlohmann::json::array();
  for (const auto& m : picture.mismatches)
    mismatches.push_back(
        {{"wijk", m.wijk}, {"kind", domain::word(m.kind)}, {"activity_ids", m.activity_ids}});
  send_json(
      ctx, {{"running_activities", picture.methods.running},
            {"methods", methods},
            {"unchecked_activity_ids", picture.unchecked},
            {"elements_by_wijk", grid(picture.wijk_codes, picture.by_area, "wijk")},
            {"elements_by_degree", grid(domain::loneliness_degrees(), picture.by_degree, "degree")},
            {"survey", picture.survey.empty() ? nlohmann::json() : nlohmann::json(picture.survey)},
            {"mismatches", mismatches}});
}

void self_scans(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& scan : store::list_self_scans(sql, ctx.coalition_id())) {
    const auto instrument =
        store::find_instrument(sql, store::InstrumentKind::self_scan, scan.instrument_version);
    nlohmann::json pillars = nlohmann::json::array();
    if (instrument) {
      const auto scores =
          domain::pillar_scores(*instrument, store::self_scan_answers(sql, scan.id));
      for (std::size_t i = 0; i < scores.size(); ++i)
        pillars.push_back(
            {{"code", scores[i].code},
             {"title",
              {{"nl", instrument->themes[i].title.nl}, {"en", instrument->themes[i].title.en}}},
             {"score", or_null(scores[i].score)},
             {"scored", scores[i].scored},
             {"not_applicable", scores[i].not_applicable}});
    }
    list.push_back(
        {{"year", scan.year},
         {"instrument_version", scan.instrument_version},
         {"participants", scan.participants},
         {"completed_on",
          scan.completed_at ? nlohmann::json(local_date(*scan.completed_at)) : nlohmann::json()},
         {"pillars", pillars}});
  }
  send_json(ctx, {{"self_scans", list}});
}

void meetings(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : store::list_meetings(sql, ctx.coalition_id())) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : store::list_agenda(sql, m.id))
      items.push_back(
          {{"id", item.id},
           {"reason", domain::word(item.reason)},
           {"subject", item.subject},
           {"detail", item.detail},
           {"indicator_id", or_null(item.indicator_id)},
           {"action_id", or_null(item.action_id)},
           {"activity_id", or_null(item.activity_id)},
           {"ambition_id", or_null(item.ambition_id)},
           {"goes_well", item.goes_well},
           {"must_improve", item.must_improve},
           {"decision", item.decision},
           {"decision_owner_id", or_null(item.decision_owner_id)},
           {"decision_due",
            item.decision_due.empty() ? nlohmann::json() : nlohmann::json(item.decision_due)},
           {"decision_action_id", or_null(item.decision_action_id)}});
    list.push_back({{"id", m.id},
                    {"held_on", m.held_on},
                    {"title", m.title},
                    {"present_partner_ids", m.present_partner_ids},
                    {"agenda", items}});
  }
  send_json(ctx, {{"meetings", list}});
}

}  // namespace

void register_quality_api_pages(App& app) {
  app.get("/api/v1/quality-picture", Access::api, quality_picture);
  app.get("/api/v1/self-scans", Access::api, self_scans);
  app.get("/api/v1/meetings", Access::api, meetings);
}

}  // namespace kompas::web
