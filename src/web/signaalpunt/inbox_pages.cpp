// The signaalpunt's own pages (issue 13). /signaalpunt shows everyone signed in the counts and
// the signals they passed themselves (their status only); the staff of a receiving partner also
// see what came in for their organisation. Only they open a signal: each opening is written to
// the audit log, and they log each step (contact, referral to a service of the kaart, closing).
#include <algorithm>

#include "domain/numbers.h"
#include "domain/signals.h"
#include "store/signals_store.h"
#include "web/deskundigheid/map_views.h"
#include "web/signaalpunt/pages.h"
#include "web/signaalpunt/signal_views.h"
#include "web/ui/charts.h"
#include "web/ui/form.h"
#include "web/ui/input.h"
#include "web/ui/percent.h"

namespace kompas::web {
namespace {

std::map<std::string, std::string> wijk_names(Ctx& ctx) {
  const auto options = wijk_options(ctx, ctx.coalition_id());
  return {options.begin(), options.end()};
}

nlohmann::json figures_view(Ctx& ctx, const std::vector<store::SignalSummary>& signals,
                            const std::map<std::string, std::string>& names) {
  const auto f = domain::signal_figures(signal_facts(signals));
  // One row per wijk, one column per quarter, newest last.
  std::set<std::string> quarters;
  std::map<std::string, std::map<std::string, int>> by_wijk;
  for (const auto& [key, count] : f.per_wijk_quarter) {
    quarters.insert(key.second);
    by_wijk[key.first][key.second] = count;
  }
  nlohmann::json rows = nlohmann::json::array();
  std::vector<std::string> row_names;
  std::vector<std::vector<int>> grid;
  for (const auto& [wijk, counts] : by_wijk) {
    nlohmann::json cells = nlohmann::json::array();
    grid.emplace_back();
    for (const auto& q : quarters) {
      const auto c = counts.find(q);
      grid.back().push_back(c == counts.end() ? 0 : c->second);
      cells.push_back(ctx.number(grid.back().back()));
    }
    const auto name = names.find(wijk);
    row_names.push_back(wijk.empty()          ? ctx.t("signal.no_wijk")
                        : name == names.end() ? wijk
                                              : name->second);
    rows.push_back({{"wijk", row_names.back()}, {"cells", cells}});
  }
  // "2026-K4" in Dutch, "2026-Q4" in English.
  std::vector<std::string> columns;
  for (const auto& q : quarters)
    columns.push_back(
        ctx.tf("signal.quarter", {{"year", q.substr(0, 4)}, {"quarter", q.substr(q.size() - 1)}}));
  const auto share = [&](const std::optional<double>& p) {
    return p ? percent(ctx, *p) : ctx.t("signal.no_figure");
  };
  return {{"total", ctx.number(f.total)},
          {"quarters", columns},
          {"chart", heat_map_svg(row_names, columns, grid, ctx.t("signal.per_wijk"),
                                 ctx.t("signal.per_wijk_desc"))},
          {"rows", rows},
          {"has_rows", !rows.empty()},
          {"median_days",
           f.median_days_to_contact
               ? domain::format_decimal(*f.median_days_to_contact, ctx.decimal_separator(), 1)
               : ctx.t("signal.no_figure")},
          {"share_referred", share(f.share_referred)},
          {"share_not_known", share(f.share_not_known)}};
}

// What came in for one's organisation, with the signals kept onder voorbehoud apart; after a
// refused batch removal the page comes back with its message (`remove_error`).
void inbox(Ctx& ctx, const std::string& remove_error = "", int status = 200) {
  const auto& me = ctx.me();
  const auto names = wijk_names(ctx);
  store::Connection conn(ctx.app.db());
  nlohmann::json received = nlohmann::json::array(), held = nlohmann::json::array(),
                 mine = nlohmann::json::array();
  const bool receives = me.person.partner_id && me.person.role != domain::Role::lezer;
  long long newest_held = 0;
  if (receives)
    for (const auto& s :
         store::signals_of_partner(conn.sql(), ctx.coalition_id(), *me.person.partner_id)) {
      auto row = signal_row(ctx, s, names);
      if (s.held) {
        row["accept"] = "/signaalpunt/" + std::to_string(s.id) + "/aannemen";
        newest_held = std::max(newest_held, s.id);
      }
      (s.held ? held : received).push_back(row);
    }
  for (const auto& s : store::signals_reported_by(conn.sql(), ctx.coalition_id(), me.person.id)) {
    auto row = signal_row(ctx, s, names);
    row.erase("href");  // the reporter sees the status, not the content
    mine.push_back(row);
  }
  const auto all = store::all_signals(conn.sql(), ctx.coalition_id());
  std::string partner;
  if (receives) partner = partner_names(ctx, ctx.coalition_id())[*me.person.partner_id];
  ctx.res.set_header("Cache-Control", "no-store");
  nlohmann::json held_view = nullptr;
  if (!held.empty()) {
    held_view = {
        {"rows", held},
        {"intro", ctx.tf("signal.held_intro",
                         {{"max", ctx.number(store::FloodLimits{}.per_coalition_per_day)}})},
        {"up_to", newest_held},  // what the batch removes: only what was shown
        {"csrf", me.csrf_token}};
    if (!remove_error.empty()) {
      held_view["error"] = ctx.t(remove_error);
      held_view["summary"] = {{"items", {{{"href", "#bevestig"}, {"text", ctx.t(remove_error)}}}}};
    }
  }
  ctx.page("signaalpunt/index", ctx.t("signal.title"),
           {{"receives", receives},
            {"partner", partner},
            {"held", held_view},
            {"received", received},
            {"has_received", !received.empty()},
            {"mine", mine},
            {"has_mine", !mine.empty()},
            {"figures", figures_view(ctx, all, names)},
            {"is_beheerder", me.is_beheerder()}},
           status);
}

// The signal of the address, for the staff of the partner that received it; 404 for another
// coalition's, 403 for anyone else.
store::SignalSummary readable_signal(Ctx& ctx, soci::session& sql) {
  const auto signal = store::find_signal(sql, ctx.coalition_id(), id_param(ctx));
  if (!signal) not_found();
  if (!domain::may_read_signal(ctx.me().person, signal->partner_id)) forbidden();
  return *signal;
}

// The places to refer someone to, one per name and organisation: first those for the signal's
// wijk (or a buurt in it), then those for the whole gemeente, then the others, each by name.
std::vector<std::pair<std::string, std::string>> referral_options(Ctx& ctx,
                                                                  const std::string& wijk) {
  const auto map = social_map(ctx.app, ctx.coalition_id());
  std::set<std::string> in_wijk;
  if (!wijk.empty())
    for (const auto* s : map->search({.area_code = wijk, .active_only = true}))
      if (!s->area_codes.empty() || !s->postcodes.empty()) in_wijk.insert(s->record->id);
  std::vector<std::tuple<int, std::string, std::string>> places;  // rank, label, id
  for (const auto* s : map->services()) {
    if (!domain::is_referral_place(*s)) continue;
    const int rank = in_wijk.contains(s->record->id)                 ? 0
                     : s->area_codes.empty() && s->postcodes.empty() ? 1
                                                                     : 2;
    places.emplace_back(rank, s->name + (s->organization.empty() ? "" : " — " + s->organization),
                        s->record->id);
  }
  std::sort(places.begin(), places.end());
  std::vector<std::pair<std::string, std::string>> options;
  std::set<std::string> labels;
  for (const auto& [rank, label, id] : places)
    if (labels.insert(label).second) options.emplace_back(id, label);
  return options;
}

// The step form; `wijk` puts the places of the signal's wijk first.
std::vector<FieldSpec> step_fields(Ctx& ctx, const std::string& wijk = "") {
  std::vector<std::pair<std::string, std::string>> statuses, reasons;
  for (const auto& s : domain::all_words<domain::SignalStatus>())
    if (s != "nieuw") statuses.emplace_back(s, ctx.t("signal.status." + s));
  for (const auto& r : domain::all_words<domain::CloseReason>())
    if (r != domain::word(domain::CloseReason::verlopen))
      reasons.emplace_back(r, ctx.t("signal.reason." + r));
  return {
      {"status", "signal.step_status", FieldKind::select, true, "", statuses, "off"},
      {"service", "signal.step_service", FieldKind::select, false, "signal.step_service_hint",
       referral_options(ctx, wijk), "off"},
      {"reason", "signal.step_reason", FieldKind::select, false, "signal.step_reason_hint", reasons,
       "off"},
      {.name = "note",
       .label_key = "signal.step_note",
       .kind = FieldKind::textarea,
       .hint_key = "signal.step_note_hint",
       .autocomplete = "off",
       .max_length = domain::kSignalNoteLength},
  };
}

void signal_page(Ctx& ctx, const nlohmann::json& values, const domain::FieldErrors& errors,
                 int status = 200) {
  const auto& key = signal_key(ctx);
  std::optional<store::SignalSummary> found;
  store::SignalContent content;
  std::vector<store::SignalStepRecord> steps;
  {
    store::Change change(ctx.app.db(), ctx.actor());
    found = readable_signal(ctx, change.sql());
    content = store::open_signal(change, key, *found);
    steps = store::signal_steps(change.sql(), key, found->id);
    change.commit();  // the viewing is in the audit log before anything is shown
  }
  const auto& signal = *found;

  const auto names = wijk_names(ctx);
  nlohmann::json step_rows = nlohmann::json::array();
  for (const auto& s : steps)
    step_rows.push_back({{"date", ctx.date_time(s.at)},
                         {"status", ctx.t("signal.status." + s.status)},
                         {"service", s.service_name},
                         {"reason", s.reason.empty() ? "" : ctx.t("signal.reason." + s.reason)},
                         {"note", s.note},
                         {"person", s.person_name}});
  const auto fields = step_fields(ctx, signal.wijk);
  const bool open = signal.status != "afgesloten";
  ctx.res.set_header("Cache-Control", "no-store");
  ctx.page("signaalpunt/signal",
           ctx.tf("signal.page_title", {{"number", std::to_string(signal.id)}}),
           {{"number", signal.id},
            {"date", ctx.date_time(signal.created_at)},
            {"place", signal_place(ctx, signal, names)},
            {"kinds", signal_kinds_text(ctx, signal.kinds)},
            {"consent", ctx.t("signal.consent." + signal.consent)},
            {"status", ctx.t("signal.status." + signal.status)},
            {"closes_on", closes_by_itself_on(ctx, signal)},
            {"erased", signal.erased},
            {"note", content.note},
            {"resident_name", content.resident_name},
            {"resident_address", content.resident_address},
            {"reporter_name", content.reporter_name},
            {"reporter_phone", content.reporter_phone},
            {"reporter_email", content.reporter_email},
            {"has_resident", !content.resident_name.empty() || !content.resident_address.empty()},
            {"has_reporter", !content.reporter_name.empty() || !content.reporter_phone.empty() ||
                                 !content.reporter_email.empty()},
            {"steps", step_rows},
            {"has_steps", !step_rows.empty()},
            {"open", open},
            {"action", "/signaalpunt/" + std::to_string(signal.id) + "/stap"},
            {"csrf", ctx.me().csrf_token},
            {"summary", error_summary(ctx, fields, errors)},
            {"fields", form_fields(ctx, fields, values, errors)}},
           status);
}

// The receiving partner takes a signal kept onder voorbehoud in: it is real, and counts.
void accept(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto signal = readable_signal(ctx, change.sql());
  if (store::accept_held_signal(change, signal)) change.commit();
  ctx.redirect_with_notice("/signaalpunt", "signal_accepted");
}

// Every signal kept onder voorbehoud for one's organisation goes at once, once its staff have
// looked and ticked that they are not real.
void remove_held(Ctx& ctx) {
  const auto& person = ctx.me().person;
  if (!person.partner_id || !domain::may_read_signal(person, *person.partner_id)) forbidden();
  const auto up_to = parse_id(ctx.field("tot_en_met"));
  if (!up_to) return ctx.redirect("/signaalpunt");  // no list was shown: nothing to remove
  if (ctx.field("bevestig") != "ja") return inbox(ctx, "signal.remove_held_needed", 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::remove_held_signals(change, *person.partner_id, *up_to);
  change.commit();
  ctx.redirect_with_notice("/signaalpunt", "signals_removed");
}

void add_step(Ctx& ctx) {
  const auto& key = signal_key(ctx);
  const auto fields = step_fields(ctx);
  const auto values = read_form(ctx, fields);
  domain::SignalStep step{values["status"].get<std::string>(), values["service"].get<std::string>(),
                          values["reason"].get<std::string>(), values["note"].get<std::string>()};
  std::string service_name;
  domain::FieldErrors errors;
  if (!step.service.empty()) {
    const auto& options = fields[1].options;
    const auto chosen = std::find_if(options.begin(), options.end(),
                                     [&](const auto& o) { return o.first == step.service; });
    if (chosen == options.end())
      errors["service"] = "error.choose";
    else
      service_name = chosen->second;
  }
  bool conflict = false;
  {
    // Checked against the status as it is now, inside the change: two colleagues closing at
    // once give one closing.
    store::Change change(ctx.app.db(), ctx.actor());
    const auto signal = readable_signal(ctx, change.sql());
    errors.merge(domain::validate(step, domain::parse_word<domain::SignalStatus>(signal.status)
                                            .value_or(domain::SignalStatus::nieuw)));
    if (step.service.empty()) service_name.clear();  // only a referral names a service
    if (errors.empty()) {
      // A step on a signal kept onder voorbehoud takes it in: someone treats it as real.
      if (signal.held) store::accept_held_signal(change, signal);
      if (store::add_signal_step(change, key, signal, step, service_name)) {
        change.commit();
        return ctx.redirect_with_notice("/signaalpunt/" + std::to_string(signal.id), "saved");
      }
      // A colleague took a step meanwhile: the page shows it, with what was typed kept.
      errors["status"] = "signal.changed";
      conflict = true;
    }
  }
  signal_page(ctx, values, errors, conflict ? 409 : 422);
}

}  // namespace

void register_inbox_pages(App& app) {
  app.get("/signaalpunt", Access::signed_in, [](Ctx& ctx) { inbox(ctx); });
  app.post(R"(/signaalpunt/(\d+)/aannemen)", Access::editor, accept);
  app.post("/signaalpunt/voorbehoud/verwijderen", Access::editor, remove_held);
  app.get(R"(/signaalpunt/(\d+))", Access::editor, [](Ctx& ctx) {
    signal_page(ctx, {{"status", ""}, {"service", ""}, {"reason", ""}, {"note", ""}}, {});
  });
  app.post(R"(/signaalpunt/(\d+)/stap)", Access::editor, add_step);
}

}  // namespace kompas::web
