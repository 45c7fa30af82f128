// Passing a signal (issue 13): a short form that needs no expertise, for anyone signed in and —
// when Beheer switches it on — for anyone at /openbaar/<gemeente>/signaal, limited against
// floods. The signal goes to the partner the routing table names; the reporter gets a code that
// shows the status, never the content.
#include "domain/signals.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/audit_store.h"
#include "store/coalitions_store.h"
#include "store/secrets.h"
#include "web/signaalpunt/pages.h"
#include "web/signaalpunt/signal_views.h"
#include "web/ui/form.h"

namespace kompas::web {
namespace {

// Where a form is: signed in, or the public page of a coalition that switched it on.
struct SignalPlace {
  domain::Coalition coalition;
  std::string base;  // "/signaalpunt" or "/openbaar/GM0000/signaal"
  bool is_public = false;
};

SignalPlace public_signal_place(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto coalition = store::find_coalition_by_code(conn.sql(), ctx.path_param(1));
  if (!coalition || !coalition->public_signals) not_found();
  return {*coalition, "/openbaar/" + coalition->gemeente_code + "/signaal", true};
}

SignalPlace signed_in_signal_place(Ctx& ctx) {
  return {ctx.me().coalition, "/signaalpunt", false};
}

// Where "Annuleren" leads: signed in, the signaalpunt; in public, the first public page that is
// switched on (none: no such link, rather than one to a page that is not there).
std::string cancel_href(const SignalPlace& place) {
  if (!place.is_public) return place.base;
  const auto& c = place.coalition;
  const auto base = "/openbaar/" + c.gemeente_code;
  return c.public_map         ? base + "/kaart"
         : c.public_knowledge ? base + "/kennisbank"
         : c.public_card      ? base + "/gesprekskaart"
         : c.public_dashboard ? base
                              : "";
}

std::string form_action(const SignalPlace& place) {
  return place.is_public ? place.base : place.base + "/nieuw";
}

std::vector<FieldSpec> signal_fields(Ctx& ctx, const SignalPlace& place) {
  std::vector<std::pair<std::string, std::string>> kinds, consents;
  for (const auto& kind : domain::all_words<domain::SignalKind>())
    kinds.emplace_back(
        kind, ctx.t("signal.kind." + kind) + ": " + ctx.t("signal.kind." + kind + "_examples"));
  for (const auto& consent : domain::all_words<domain::Consent>())
    consents.emplace_back(consent, ctx.t("signal.consent." + consent));
  FieldSpec wijk{"wijk", "signal.wijk",      FieldKind::select,
                 false,  "signal.wijk_hint", wijk_options(ctx, place.coalition.id),
                 "off"};
  wijk.empty_option_key = "signal.wijk_unknown";
  wijk.needed_when_key = "signal.wijk_needed";
  return {
      wijk,
      // Not autocomplete "postal-code": the browser would offer the reporter's own, not the
      // resident's.
      {.name = "postcode",
       .label_key = "signal.postcode",
       .kind = FieldKind::text,
       .hint_key = "signal.postcode_hint",
       .autocomplete = "off",
       .needed_when_key = "signal.postcode_needed",
       .max_length = domain::text_limit::postcode},
      {"kinds", "signal.kinds", FieldKind::checkboxes, true, "signal.kinds_hint", kinds, ""},
      {.name = "note",
       .label_key = "signal.note",
       .kind = FieldKind::textarea,
       .hint_key = "signal.note_hint",
       .autocomplete = "off",
       .max_length = domain::kSignalNoteLength},
      {"consent", "signal.consent", FieldKind::select, true, "", consents, "off"},
      {.name = "resident_name",
       .label_key = "signal.resident_name",
       .kind = FieldKind::text,
       .hint_key = "signal.resident_hint",
       .autocomplete = "off",
       .max_length = domain::kSignalNameLength},
      {.name = "resident_address",
       .label_key = "signal.resident_address",
       .kind = FieldKind::text,
       .autocomplete = "off",
       .max_length = domain::kSignalNameLength},
      {.name = "reporter_name",
       .label_key = "signal.reporter_name",
       .kind = FieldKind::text,
       .autocomplete = "name",
       .max_length = domain::kSignalNameLength},
      {.name = "reporter_phone",
       .label_key = "signal.reporter_phone",
       .kind = FieldKind::tel,
       .hint_key = "signal.reporter_contact_hint",
       .autocomplete = "tel",
       .max_length = domain::text_limit::phone},
      {.name = "reporter_email",
       .label_key = "signal.reporter_email",
       .kind = FieldKind::email,
       .autocomplete = "email",
       .max_length = domain::text_limit::email},
  };
}

void signal_form(Ctx& ctx, const SignalPlace& place, const nlohmann::json& values,
                 const domain::FieldErrors& errors, int status = 200) {
  show_form_page(ctx,
                 {ctx.t("signal.new_title"), form_action(place), cancel_href(place),
                  ctx.t(place.is_public ? "signal.public_intro" : "signal.intro"), "signal.send"},
                 signal_fields(ctx, place), values, errors, status);
}

void show_signal_form(Ctx& ctx, const SignalPlace& place) {
  signal_key(ctx);  // closed without a key: say so before anyone types
  nlohmann::json values = {{"wijk", ""},
                           {"postcode", ""},
                           {"kinds", nlohmann::json::array()},
                           {"note", ""},
                           {"consent", ""},
                           {"resident_name", ""},
                           {"resident_address", ""},
                           {"reporter_name", ""},
                           {"reporter_phone", ""},
                           {"reporter_email", ""}};
  if (!place.is_public) {  // someone signed in is known: their name and address, to change
    values["reporter_name"] = ctx.me().person.name;
    values["reporter_email"] = ctx.me().person.email;
  }
  signal_form(ctx, place, values, {});
}

void send_signal(Ctx& ctx, const SignalPlace& place) {
  const auto& key = signal_key(ctx);
  const auto fields = signal_fields(ctx, place);
  const auto values = read_form(ctx, fields);
  const auto text = [&](const char* field) { return values[field].get<std::string>(); };
  domain::SignalDraft draft{text("wijk"),
                            text("postcode"),
                            {},
                            text("consent"),
                            text("note"),
                            text("resident_name"),
                            text("resident_address"),
                            text("reporter_name"),
                            text("reporter_phone"),
                            text("reporter_email")};
  domain::FieldErrors errors;
  for (const auto& kind : values["kinds"])
    if (const auto k = domain::parse_word<domain::SignalKind>(kind.get<std::string>()))
      draft.kinds.push_back(*k);
    else
      errors["kinds"] = "error.choose";
  const auto wijken = wijk_options(ctx, place.coalition.id);
  if (!draft.wijk.empty() && std::none_of(wijken.begin(), wijken.end(),
                                          [&](const auto& w) { return w.first == draft.wijk; }))
    errors["wijk"] = "error.choose";
  errors.merge(domain::validate(draft));
  std::optional<long long> partner;
  if (errors.empty()) {
    store::Connection conn(ctx.app.db());
    const auto route = domain::choose_route(store::signal_routes(conn.sql(), place.coalition.id),
                                            draft.wijk, draft.postcode);
    if (route.unknown_postcode && draft.wijk.empty())
      errors["postcode"] = "signal.error.unknown_postcode";
    else if (!route.partner_id)
      errors["wijk"] = "signal.error.no_route";
    partner = route.partner_id;
  }
  if (!errors.empty()) return signal_form(ctx, place, values, errors, 422);

  const auto code = store::random_code(domain::kSignalCodeAlphabet, 8);
  // The log names who passed it: the person signed in, or the public form (its address is kept
  // with the signal only to limit a flood, never in the log).
  store::Change change(
      ctx.app.db(), place.is_public ? store::Actor{place.coalition.id, {}, store::kPublicFormActor}
                                    : ctx.actor());
  const auto id =
      store::add_signal(change, key, draft, *partner, code,
                        place.is_public ? std::nullopt : std::optional(ctx.me().person.id),
                        place.is_public ? ctx.client_address() : "");
  if (!id) {
    ctx.res.set_header("Retry-After", "3600");
    return ctx.error_page(429, place.is_public ? "signal.too_many" : "signal.too_many_person");
  }
  change.commit();
  const auto partner_name = partner_names(ctx, place.coalition.id)[*partner];
  const auto status_href = "/openbaar/" + place.coalition.gemeente_code + "/signaal/status";
  // Shown once, here: the code is stored only as a hash. Without the public status page the
  // code serves nothing; someone signed in then follows the status on /signaalpunt.
  ctx.page("signaalpunt/sent", ctx.t("signal.sent_title"),
           {{"partner", partner_name},
            {"code", place.coalition.public_signals ? domain::format_signal_code(code) : ""},
            {"status_href", status_href},
            {"back", place.base}});
}

// The reporter's view: the status and its dates, nothing of the content or who handles it. The
// code is posted, so it stays out of addresses, histories and server logs.
void status_page(Ctx& ctx, const std::string& typed) {
  const auto place = public_signal_place(ctx);
  nlohmann::json data = {
      {"action", place.base + "/status"}, {"code", typed}, {"csrf", ctx.form_token()}};
  int status = 200;
  if (!typed.empty()) {
    const auto address = ctx.client_address();
    if (const auto wait = ctx.app.code_guesses().begin_guess(address)) {
      ctx.res.set_header("Retry-After", std::to_string(wait));
      return ctx.error_page(429, "signal.too_many_guesses");
    }
    store::Connection conn(ctx.app.db());
    const auto signal = store::find_signal_by_code(conn.sql(), place.coalition.id, typed);
    if (!signal) {
      data["unknown"] = true;
      status = 404;
    } else {
      ctx.app.code_guesses().right_guess(address);
      nlohmann::json steps = nlohmann::json::array();
      steps.push_back(
          {{"label", ctx.t("signal.status.nieuw")}, {"date", ctx.date_time(signal->created_at)}});
      if (signal->first_contact_at)
        steps.push_back({{"label", ctx.t("signal.status.contact_gelegd")},
                         {"date", ctx.date_time(signal->first_contact_at)}});
      if (signal->referred_at)
        steps.push_back({{"label", ctx.t("signal.status.doorverwezen")},
                         {"date", ctx.date_time(signal->referred_at)}});
      if (signal->closed_at)
        steps.push_back({{"label", ctx.t("signal.status.afgesloten")},
                         {"date", ctx.date_time(signal->closed_at)}});
      data["found"] = {{"status", ctx.t("signal.status." + signal->status)},
                       {"explain", ctx.t("signal.status_explain." + signal->status)},
                       {"steps", steps}};
    }
  }
  ctx.res.set_header("Cache-Control", "no-store");
  ctx.page("signaalpunt/status", ctx.t("signal.status_title"), data, status);
}

}  // namespace

void register_report_pages(App& app) {
  app.get("/signaalpunt/nieuw", Access::signed_in,
          [](Ctx& ctx) { show_signal_form(ctx, signed_in_signal_place(ctx)); });
  app.post("/signaalpunt/nieuw", Access::signed_in,
           [](Ctx& ctx) { send_signal(ctx, signed_in_signal_place(ctx)); });
  app.get(R"(/openbaar/(GM\d{4})/signaal)", Access::anyone,
          [](Ctx& ctx) { show_signal_form(ctx, public_signal_place(ctx)); });
  app.post(R"(/openbaar/(GM\d{4})/signaal)", Access::anyone,
           [](Ctx& ctx) { send_signal(ctx, public_signal_place(ctx)); });
  app.get(R"(/openbaar/(GM\d{4})/signaal/status)", Access::anyone,
          [](Ctx& ctx) { status_page(ctx, ""); });
  app.post(R"(/openbaar/(GM\d{4})/signaal/status)", Access::anyone,
           [](Ctx& ctx) { status_page(ctx, domain::trim(ctx.field("code"))); });
}

}  // namespace kompas::web
