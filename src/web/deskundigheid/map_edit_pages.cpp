// A service's owner changes it on the kaart in one step (issue 13): one form with what people
// change, and saving it also confirms the entry ("klopt nog"), since its owner just read it.
#include "domain/service_edit.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/areas_store.h"
#include "store/hsds_store.h"
#include "store/map_upkeep_store.h"
#include "store/secrets.h"
#include "web/deskundigheid/map_views.h"
#include "web/deskundigheid/pages.h"
#include "web/ui/input.h"

namespace kompas::web {
namespace {

constexpr const char* kWeekdays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::vector<std::pair<std::string, std::string>> status_options(const Ctx& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* status : {"active", "inactive", "defunct"})
    out.emplace_back(status, ctx.t(std::string("service_status.") + status));
  return out;
}

// The coalition's wijken, and any other area the service already names (a buurt, the gemeente),
// so unticking it is possible.
std::vector<std::pair<std::string, std::string>> area_options(Ctx& ctx,
                                                              const domain::ServiceDraft& draft) {
  std::vector<std::pair<std::string, std::string>> out;
  store::Connection conn(ctx.app.db());
  for (const auto& area : store::list_areas(conn.sql(), ctx.coalition_id()))
    if (area.level == domain::AreaLevel::wijk) out.emplace_back(area.code, area.name);
  const auto names = store::area_names(conn.sql(), ctx.coalition_id());
  for (const auto& code : draft.area_codes)
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.first == code; })) {
      const auto name = names.find(code);
      out.emplace_back(code, name == names.end() ? code : name->second);
    }
  return out;
}

std::vector<FieldSpec> edit_fields(Ctx& ctx, const domain::EditableService& service) {
  std::vector<FieldSpec> fields = {
      {.name = "name",
       .label_key = "service_edit.name",
       .kind = FieldKind::text,
       .required = true,
       .autocomplete = "off",
       .max_length = domain::kServiceNameLength},
      {"status", "service_edit.status", FieldKind::select, true, "service_edit.status_hint",
       status_options(ctx)},
      {.name = "description",
       .label_key = "service_edit.description",
       .kind = FieldKind::textarea,
       .hint_key = "service_edit.description_hint",
       .max_length = domain::kServiceTextLength},
      {.name = "how_to_apply",
       .label_key = "service_edit.how",
       .kind = FieldKind::textarea,
       .hint_key = "service_edit.how_hint",
       .max_length = domain::kServiceTextLength},
      {.name = "contact",
       .label_key = "service_edit.contact",
       .kind = FieldKind::text,
       .hint_key = "service_edit.contact_hint",
       .autocomplete = "off",
       .max_length = domain::kServiceNameLength},
      {.name = "phone",
       .label_key = "service_edit.phone",
       .kind = FieldKind::text,
       .autocomplete = "off",
       .max_length = domain::text_limit::phone},
      {.name = "email",
       .label_key = "service_edit.email",
       .kind = FieldKind::email,
       .autocomplete = "off",
       .max_length = domain::text_limit::email},
      {.name = "url",
       .label_key = "service_edit.url",
       .kind = FieldKind::text,
       .hint_key = "service_edit.url_hint",
       .autocomplete = "off",
       .max_length = domain::text_limit::url},
      {"areas", "service_edit.areas", FieldKind::checkboxes, false, "service_edit.areas_hint",
       area_options(ctx, service.draft)},
      {.name = "postcodes",
       .label_key = "service_edit.postcodes",
       .kind = FieldKind::text,
       .hint_key = "service_edit.postcodes_hint",
       .autocomplete = "off",
       .max_length = domain::text_limit::note},
  };
  for (const auto& facet : domain::map_facets()) {
    FieldSpec spec{facet.code, "map.facet." + facet.code, FieldKind::checkboxes};
    for (const auto& word : facet.words)
      spec.options.emplace_back(word, ctx.t(facet.code + "." + word));
    fields.push_back(std::move(spec));
  }
  if (service.schedule_editable) {
    FieldSpec days{"days", "service_edit.days", FieldKind::checkboxes, false,
                   "service_edit.days_hint"};
    for (const char* day : kWeekdays)
      days.options.emplace_back(day, ctx.t(std::string("weekday.") + day));
    fields.push_back(std::move(days));
    fields.push_back({.name = "opens_at",
                      .label_key = "service_edit.opens_at",
                      .kind = FieldKind::text,
                      .hint_key = "service_edit.opens_at_hint",
                      .autocomplete = "off",
                      .max_length = domain::text_limit::code});
    fields.push_back({.name = "closes_at",
                      .label_key = "service_edit.closes_at",
                      .kind = FieldKind::text,
                      .hint_key = "service_edit.closes_at_hint",
                      .autocomplete = "off",
                      .max_length = domain::text_limit::code});
    fields.push_back({.name = "schedule_note",
                      .label_key = "service_edit.schedule_note",
                      .kind = FieldKind::text,
                      .hint_key = "service_edit.schedule_note_hint",
                      .autocomplete = "off",
                      .max_length = domain::kServiceTextLength});
  }
  std::vector<std::pair<std::string, std::string>> provinces;
  for (const auto& p : domain::provinces()) provinces.emplace_back(p, p);
  fields.push_back({.name = "place",
                    .label_key = "service_edit.place",
                    .kind = FieldKind::text,
                    .hint_key = "service_edit.place_hint",
                    .autocomplete = "off",
                    .max_length = domain::kServiceNameLength});
  fields.push_back({.name = "address",
                    .label_key = "service_edit.address",
                    .kind = FieldKind::text,
                    .autocomplete = "off",
                    .max_length = domain::kServiceNameLength});
  fields.push_back({.name = "postal_code",
                    .label_key = "service_edit.postal_code",
                    .kind = FieldKind::text,
                    .autocomplete = "off",
                    .max_length = domain::text_limit::postcode});
  fields.push_back({.name = "city",
                    .label_key = "service_edit.city",
                    .kind = FieldKind::text,
                    .autocomplete = "off",
                    .max_length = domain::kServiceNameLength});
  fields.push_back(
      {"province", "service_edit.province", FieldKind::select, false, "", std::move(provinces)});
  return fields;
}

nlohmann::json values_of(const domain::ServiceDraft& d) {
  std::string postcodes;
  for (const auto& p : d.postcodes) postcodes += (postcodes.empty() ? "" : ", ") + p;
  nlohmann::json values = {{"name", d.name},
                           {"status", d.status},
                           {"description", d.description},
                           {"how_to_apply", d.how_to_apply},
                           {"contact", d.contact},
                           {"phone", d.phone},
                           {"email", d.email},
                           {"url", d.url},
                           {"areas", d.area_codes},
                           {"postcodes", postcodes},
                           {"days", nlohmann::json::array()},
                           {"opens_at", d.opens_at},
                           {"closes_at", d.closes_at},
                           {"schedule_note", d.schedule_note},
                           {"place", d.place},
                           {"address", d.address},
                           {"postal_code", d.postal_code},
                           {"city", d.city},
                           {"province", d.province}};
  for (const auto& facet : domain::map_facets()) values[facet.code] = nlohmann::json::array();
  for (const auto& [facet, word] : d.terms) values[facet].push_back(word);
  for (const auto& day : domain::split_words(d.byday)) values["days"].push_back(day);
  return values;
}

void show_edit_form(Ctx& ctx, const domain::MapService& s, bool schedule_editable,
                    const std::vector<FieldSpec>& fields, const nlohmann::json& values,
                    const domain::FieldErrors& errors, int status = 200) {
  const auto href = service_href(signed_in_place(ctx), s.record->id);
  auto intro = ctx.t("service_edit.intro");
  if (!schedule_editable) intro += " " + ctx.t("service_edit.imported_schedule");
  show_form_page(
      ctx,
      {ctx.tf("service_edit.title", {{"name", service_title(s)}}), href + "/bewerken", href, intro},
      fields, values, errors, status);
}

// The kept service of the address, or 404 / 403.
const domain::MapService& kept_service(Ctx& ctx, const domain::SocialMap& map) {
  const auto& s = service_of_address(ctx, signed_in_place(ctx), map);
  if (!may_keep(ctx, s)) forbidden();
  return s;
}

void edit_form(Ctx& ctx) {
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto& s = kept_service(ctx, *map);
  const auto service = domain::editable_service(map->directory(), *s.record);
  show_edit_form(ctx, s, service.schedule_editable, edit_fields(ctx, service),
                 values_of(service.draft), {});
}

// A ticked value the form did not offer is an error on its field.
std::vector<std::string> ticked(const nlohmann::json& values, const FieldSpec& spec,
                                domain::FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& value : values[spec.name]) {
    const auto text = value.get<std::string>();
    if (std::none_of(spec.options.begin(), spec.options.end(),
                     [&](const auto& o) { return o.first == text; }))
      errors[spec.name] = "error.choose";
    else
      out.push_back(text);
  }
  return out;
}

void save_edit(Ctx& ctx) {
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto& s = kept_service(ctx, *map);
  const auto service = domain::editable_service(map->directory(), *s.record);
  const auto fields = edit_fields(ctx, service);
  const auto values = read_form(ctx, fields);
  domain::FieldErrors errors;
  auto draft = service.draft;
  for (const auto& spec : fields) {
    const auto& name = spec.name;
    if (spec.kind == FieldKind::checkboxes) {
      const auto chosen = ticked(values, spec, errors);
      if (name == "areas")
        draft.area_codes = chosen;
      else if (name == "days")
        draft.byday = domain::join_words(chosen);
      else {
        std::erase_if(draft.terms, [&](const auto& t) { return t.first == name; });
        for (const auto& word : chosen) draft.terms.emplace_back(name, word);
      }
    }
  }
  const auto text = [&](const char* field) { return values[field].get<std::string>(); };
  draft.name = text("name");
  draft.status = text("status");
  draft.description = text("description");
  draft.how_to_apply = text("how_to_apply");
  draft.contact = text("contact");
  draft.phone = text("phone");
  draft.email = text("email");
  draft.url = text("url");
  if (service.schedule_editable) {
    draft.opens_at = text("opens_at");
    draft.closes_at = text("closes_at");
    draft.schedule_note = text("schedule_note");
  }
  draft.place = text("place");
  draft.address = text("address");
  draft.postal_code = text("postal_code");
  draft.city = text("city");
  draft.province = text("province");
  errors.merge(domain::read_service_draft(draft, text("postcodes")));
  if (!errors.empty())
    return show_edit_form(ctx, s, service.schedule_editable, fields, values, errors, 422);

  // Its owner just went through every part: the entry counts as checked today.
  draft.assured_date = today_date();
  draft.assurer_email = assurer_email(ctx, s);
  draft.last_modified = store::iso_now();
  const auto changes = domain::edit_service(map->directory(), *s.record, draft,
                                            service.schedule_editable, store::random_uuid);
  store::Change change(ctx.app.db(), ctx.actor());
  store::save_service_edit(change, changes, s.record->id, draft.name);
  change.commit();
  ctx.redirect_with_notice(service_href(signed_in_place(ctx), s.record->id), "saved");
}

}  // namespace

void register_map_edit_pages(App& app) {
  const std::string path = "/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/bewerken";
  app.get(path, Access::editor, edit_form);
  app.post(path, Access::editor, save_edit);
}

}  // namespace kompas::web
