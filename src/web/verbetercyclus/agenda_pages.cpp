// The agenda of a meeting: the beheerder puts proposed items (and items of their own) on it, and
// records per item what goes well, what must improve and the decision. A decision with an owner
// becomes an action in the actions register, once.
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/actions_store.h"
#include "store/meetings_store.h"
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

// Puts the ticked proposals (matched by key against a fresh proposal, so nothing posted is
// trusted as text) and an own item on the agenda.
void add_items(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  auto& sql = change.sql();
  const auto meeting = store::find_meeting(sql, ctx.coalition_id(), id_param(ctx));
  if (!meeting) not_found();
  const auto agenda = store::list_agenda(sql, meeting->id);
  std::set<std::string> chosen;
  for (std::size_t i = 0; i < ctx.req.get_param_value_count("punt"); ++i)
    chosen.insert(ctx.req.get_param_value("punt", i));
  std::vector<domain::AgendaItem> items;
  for (auto proposed : proposed_agenda(ctx, sql, *meeting, agenda)) {
    if (!chosen.contains(proposed.source_key)) continue;
    // A blind spot's subject is a degree's word: it is kept as the text it was chosen by, so
    // the minutes and the audit log read it (the page names it from the source key).
    if (proposed.reason == domain::AgendaReason::blinde_vlek)
      proposed.subject = ctx.t("degree." + proposed.subject);
    items.push_back(std::move(proposed));
  }
  const auto own = domain::trim(ctx.field("eigen"));
  const auto refuse = [&](const char* error_key, domain::FieldErrors own_errors = {}) {
    const AgendaDraft draft{chosen, own, error_key, std::move(own_errors)};
    show_meeting(ctx, false, &draft, 422);
  };
  domain::FieldErrors own_errors;
  if (!domain::check_length(own_errors, "eigen", own, kOwnItemField.max_length))
    return refuse("", std::move(own_errors));
  if (!own.empty()) {
    domain::AgendaItem item;
    item.reason = domain::AgendaReason::eigen;
    item.subject = own;
    items.push_back(std::move(item));
  }
  if (items.empty()) return refuse("meeting.nothing_chosen");
  store::add_agenda_items(change, meeting->id, items);
  change.commit();
  ctx.redirect_with_notice(meeting_href(meeting->id), "agenda_added");
}

std::vector<FieldSpec> record_fields(const Ctx& ctx, soci::session& sql) {
  std::vector<std::pair<std::string, std::string>> people;
  for (const auto& p : store::list_people(sql, ctx.coalition_id()))
    if (p.active) people.emplace_back(std::to_string(p.id), p.name);
  return {
      {.name = "goes_well",
       .label_key = "meeting.goes_well",
       .kind = FieldKind::textarea,
       .max_length = domain::text_limit::text},
      {.name = "must_improve",
       .label_key = "meeting.must_improve",
       .kind = FieldKind::textarea,
       .max_length = domain::text_limit::text},
      {.name = "decision",
       .label_key = "meeting.decision",
       .kind = FieldKind::textarea,
       .hint_key = "meeting.decision_hint",
       .max_length = domain::text_limit::text},
      {"decision_owner", "meeting.decision_owner", FieldKind::select, false,
       "meeting.decision_owner_hint", people, ""},
      {.name = "decision_due",
       .label_key = "meeting.decision_due",
       .kind = FieldKind::date,
       .autocomplete = "off",
       .needed_when_key = "meeting.decision_due_needed"},
  };
}

struct Loaded {
  domain::AgendaItem item;
  domain::Meeting meeting;
};

Loaded load_item(Ctx& ctx, soci::session& sql) {
  const auto item = store::find_agenda_item(sql, ctx.coalition_id(), id_param(ctx));
  if (!item) not_found();
  const auto meeting = store::find_meeting(sql, ctx.coalition_id(), item->meeting_id);
  if (!meeting) not_found();
  return {*item, *meeting};
}

void show_record_form(Ctx& ctx, soci::session& sql, const Loaded& loaded,
                      const nlohmann::json& values, const domain::FieldErrors& errors,
                      int status = 200) {
  const auto here = "/verbetercyclus/punten/" + std::to_string(loaded.item.id);
  const auto item_title = agenda_title(ctx, loaded.item);
  FormPage page{title_naming(ctx.t("meeting.record_title"), item_title), here,
                meeting_href(loaded.meeting.id) + "#punt-" + std::to_string(loaded.item.id),
                item_title};
  auto specs = record_fields(ctx, sql);
  if (loaded.item.decision_action_id) specs.back().extra_hint = ctx.t("meeting.action_made");
  show_form_page(ctx, page, specs, values, errors, status);
}

nlohmann::json record_values(const domain::AgendaItem& item) {
  return {{"goes_well", item.goes_well},
          {"must_improve", item.must_improve},
          {"decision", item.decision},
          {"decision_owner", item.decision_owner_id ? std::to_string(*item.decision_owner_id) : ""},
          {"decision_due", item.decision_due}};
}

void save_record(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  auto& sql = change.sql();
  auto loaded = load_item(ctx, sql);
  const auto values = read_form(ctx, record_fields(ctx, sql));
  auto& item = loaded.item;
  item.goes_well = domain::trim(values["goes_well"].get<std::string>());
  item.must_improve = domain::trim(values["must_improve"].get<std::string>());
  item.decision = domain::trim(values["decision"].get<std::string>());
  item.decision_due = values["decision_due"].get<std::string>();
  domain::FieldErrors errors;
  std::optional<long long> owner_partner;
  const auto owner_text = values["decision_owner"].get<std::string>();
  item.decision_owner_id = parse_id(owner_text);
  if (item.decision_owner_id) {
    const auto owner = store::find_person(sql, ctx.coalition_id(), *item.decision_owner_id);
    if (!owner)
      errors["decision_owner"] = "error.choose";
    else
      owner_partner = owner->partner_id;
  } else if (!owner_text.empty()) {
    errors["decision_owner"] = "error.choose";
  }
  for (const auto& [field, message] : domain::validate_record(item)) errors.emplace(field, message);
  if (!errors.empty()) return show_record_form(ctx, sql, loaded, values, errors, 422);
  if (domain::makes_action(item)) {
    const auto origin =
        ctx.tf("meeting.action_origin",
               {{"meeting", loaded.meeting.title}, {"date", ctx.date(loaded.meeting.held_on)}});
    item.decision_action_id =
        store::create_action(change, domain::action_from_decision(item, origin, owner_partner));
  }
  store::save_agenda_record(change, item);
  change.commit();
  ctx.redirect_with_notice(meeting_href(loaded.meeting.id) + "#punt-" + std::to_string(item.id),
                           "saved");
}

}  // namespace

void register_agenda_pages(App& app) {
  app.post(R"(/verbetercyclus/overleggen/(\d+)/agenda)", Access::beheerder, add_items);
  app.get(R"(/verbetercyclus/punten/(\d+))", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto loaded = load_item(ctx, conn.sql());
    show_record_form(ctx, conn.sql(), loaded, record_values(loaded.item), {});
  });
  app.post(R"(/verbetercyclus/punten/(\d+))", Access::beheerder, save_record);
}

}  // namespace kompas::web
