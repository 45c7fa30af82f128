// Verbetercyclus: the coalition's meetings. The beheerder plans one (date, title, the partners
// present); its page shows the agenda with what was recorded per item, and the minutes print on
// A4.
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/actions_store.h"
#include "store/meetings_store.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"
#include "web/verbetercyclus/agenda_proposal.h"
#include "web/verbetercyclus/pages.h"

namespace kompas::web {
namespace {

std::string meeting_href(long long id) {
  return "/verbetercyclus/overleggen/" + std::to_string(id);
}

std::vector<FieldSpec> meeting_fields(Ctx& ctx, soci::session& sql) {
  std::vector<std::pair<std::string, std::string>> partners;
  for (const auto& p : store::list_partners(sql, ctx.coalition_id()))
    if (p.active) partners.emplace_back(std::to_string(p.id), p.name);
  return {{"held_on", "meeting.held_on", FieldKind::date, true, "", {}, "off"},
          {.name = "title",
           .label_key = "meeting.title",
           .kind = FieldKind::text,
           .required = true,
           .hint_key = "meeting.title_hint",
           .autocomplete = "off",
           .max_length = domain::text_limit::name},
          {"present", "meeting.present", FieldKind::checkboxes, false, "", partners, ""}};
}

nlohmann::json form_values(const domain::Meeting& m) {
  nlohmann::json present = nlohmann::json::array();
  for (const auto id : m.present_partner_ids) present.push_back(std::to_string(id));
  return {{"held_on", m.held_on}, {"title", m.title}, {"present", present}};
}

domain::Meeting load_meeting(Ctx& ctx, soci::session& sql) {
  auto meeting = store::find_meeting(sql, ctx.coalition_id(), id_param(ctx));
  if (!meeting) not_found();
  return *meeting;
}

void show_form(Ctx& ctx, soci::session& sql, long long id, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  const auto here = id == 0 ? std::string("/verbetercyclus/overleggen") : meeting_href(id);
  FormPage page{form_title(ctx, id, "meeting", values.value("title", "")), here,
                id == 0 ? "/verbetercyclus" : here, ctx.t("meeting.form_intro")};
  if (id != 0) {
    page.delete_href = here + "/verwijderen";
    page.delete_label = ctx.t("meeting.delete_title");
  }
  show_form_page(ctx, page, meeting_fields(ctx, sql), values, errors, status);
}

void save(Ctx& ctx, long long id) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto specs = meeting_fields(ctx, change.sql());
  const auto values = read_form(ctx, specs);
  domain::Meeting meeting{id,
                          values["held_on"].get<std::string>(),
                          domain::trim(values["title"].get<std::string>()),
                          {}};
  auto errors = domain::validate(meeting);
  const auto known = store::list_partners(change.sql(), ctx.coalition_id());
  for (const auto& value : values["present"]) {
    const auto partner = parse_id(value.get<std::string>());
    const bool ours = partner && std::any_of(known.begin(), known.end(),
                                             [&](const auto& p) { return p.id == *partner; });
    if (!ours)
      errors["present"] = "error.partner_unknown";
    else
      meeting.present_partner_ids.push_back(*partner);
  }
  if (!errors.empty()) return show_form(ctx, change.sql(), id, values, errors, 422);
  if (id == 0)
    id = store::create_meeting(change, meeting);
  else
    store::update_meeting(change, meeting);
  change.commit();
  ctx.redirect_with_notice(meeting_href(id), "saved");
}

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json rows = nlohmann::json::array();
  const auto today = today_date();
  for (const auto& m : store::list_meetings(conn.sql(), ctx.coalition_id())) {
    const auto agenda = store::list_agenda(conn.sql(), m.id);
    const auto decisions = std::count_if(agenda.begin(), agenda.end(),
                                         [](const auto& i) { return !i.decision.empty(); });
    rows.push_back({{"href", meeting_href(m.id)},
                    {"date", ctx.date(m.held_on)},
                    {"title", m.title},
                    {"upcoming", m.held_on >= today},
                    {"items", agenda.size()},
                    {"decisions", decisions}});
  }
  ctx.page("verbetercyclus/overview", ctx.t("meeting.list_title"),
           {{"rows", rows}, {"any", !rows.empty()}, {"can_plan", ctx.me().is_beheerder()}});
}

// One agenda item as the meeting page and the minutes show it.
nlohmann::json item_view(const Ctx& ctx, const domain::AgendaItem& item,
                         const std::map<long long, std::string>& people) {
  const auto owner = item.decision_owner_id ? people.find(*item.decision_owner_id) : people.end();
  return {
      {"id", item.id},
      {"title", agenda_title(ctx, item)},
      {"href", agenda_href(item)},
      {"record_href", "/verbetercyclus/punten/" + std::to_string(item.id)},
      {"goes_well", item.goes_well},
      {"must_improve", item.must_improve},
      {"decision", item.decision},
      {"owner", owner == people.end() ? "" : owner->second},
      {"due", item.decision_due.empty() ? "" : ctx.date(item.decision_due)},
      {"action_href", item.decision_action_id
                          ? nlohmann::json("/acties/" + std::to_string(*item.decision_action_id))
                          : nlohmann::json()},
      {"recorded",
       !item.goes_well.empty() || !item.must_improve.empty() || !item.decision.empty()}};
}

}  // namespace

// The meeting with its agenda; `print` is the minutes: no forms, no proposal.
void show_meeting(Ctx& ctx, bool print, const AgendaDraft* draft, int status) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto meeting = load_meeting(ctx, sql);
  const auto agenda = store::list_agenda(sql, meeting.id);
  std::map<long long, std::string> people, partners;
  for (const auto& p : store::list_people(sql, ctx.coalition_id())) people[p.id] = p.name;
  for (const auto& p : store::list_partners(sql, ctx.coalition_id())) partners[p.id] = p.name;
  std::string present;
  for (const auto id : meeting.present_partner_ids)
    present += (present.empty() ? "" : ", ") + partners[id];
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : agenda) items.push_back(item_view(ctx, item, people));
  const bool manage = !print && ctx.me().is_beheerder();
  nlohmann::json proposals = nlohmann::json::array();
  if (manage)
    for (const auto& p : proposed_agenda(ctx, sql, meeting, agenda))
      proposals.push_back({{"key", p.source_key},
                           {"title", agenda_title(ctx, p)},
                           {"checked", !draft || draft->chosen.contains(p.source_key)}});
  ctx.page(print ? "verbetercyclus/minutes" : "verbetercyclus/meeting",
           print ? title_naming(ctx.t("meeting.minutes"), meeting.title) : meeting.title,
           {{"id", meeting.id},
            {"href", meeting_href(meeting.id)},
            {"title", meeting.title},
            {"date", ctx.date(meeting.held_on)},
            {"present", present},
            {"items", items},
            {"has_items", !items.empty()},
            {"manage", manage},
            {"proposals", proposals},
            {"has_proposals", !proposals.empty()},
            {"own_form",
             {{"fields", form_fields(ctx, {kOwnItemField}, {{"eigen", draft ? draft->own : ""}},
                                     draft ? draft->own_errors : domain::FieldErrors{})}}},
            {"error", draft && !draft->error_key.empty() ? nlohmann::json(ctx.t(draft->error_key))
                                                         : nlohmann::json()},
            {"csrf", ctx.form_token()}},
           status);
}

namespace {

void confirm_delete(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto meeting = load_meeting(ctx, conn.sql());
  const auto items = store::list_agenda(conn.sql(), meeting.id).size();
  show_delete_confirmation(
      ctx, {title_naming(ctx.t("meeting.delete_title"), meeting.title),
            ctx.tf("meeting.delete_question", {{"name", meeting.title}}),
            {ctx.tf("meeting.delete_consequence", {{"items", std::to_string(items)}})},
            meeting_href(meeting.id) + "/verwijderen",
            meeting_href(meeting.id),
            ctx.t("meeting.delete_title")});
}

void remove(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto meeting = load_meeting(ctx, change.sql());
  require_delete_confirmation(ctx);
  store::delete_meeting(change, meeting);
  change.commit();
  ctx.redirect_with_notice("/verbetercyclus", "deleted");
}

}  // namespace

void register_meeting_pages(App& app) {
  app.get("/verbetercyclus", Access::signed_in, list, Caching::body);
  app.get("/verbetercyclus/overleggen/nieuw", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    show_form(ctx, conn.sql(), 0,
              {{"held_on", ""},
               {"title", ctx.t("meeting.default_title")},
               {"present", nlohmann::json::array()}},
              {});
  });
  app.post("/verbetercyclus/overleggen", Access::beheerder, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/verbetercyclus/overleggen/(\d+))", Access::signed_in,
          [](Ctx& ctx) { show_meeting(ctx, false); }, Caching::body);
  app.get(R"(/verbetercyclus/overleggen/(\d+)/notulen)", Access::signed_in,
          [](Ctx& ctx) { show_meeting(ctx, true); }, Caching::body);
  app.get(R"(/verbetercyclus/overleggen/(\d+)/bewerken)", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto meeting = load_meeting(ctx, conn.sql());
    show_form(ctx, conn.sql(), meeting.id, form_values(meeting), {});
  });
  app.post(R"(/verbetercyclus/overleggen/(\d+))", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    save(ctx, load_meeting(ctx, conn.sql()).id);
  });
  app.get(R"(/verbetercyclus/overleggen/(\d+)/verwijderen)", Access::beheerder, confirm_delete);
  app.post(R"(/verbetercyclus/overleggen/(\d+)/verwijderen)", Access::beheerder, remove);
}

}  // namespace kompas::web
