#include "domain/text.h"
#include "domain/text_limits.h"
#include "store//partners_store.h"
#include "store/people_store.h"
#include "web/overzicht/pages.h"
#include "web/ui/form.h"
#include "web/ui/listing.h"
#include "web/ui/page_title.h"
#include "web/wie-doet-wat/pages.h"

namespace kompas::web {
namespace {

std::vector<FieldSpec> partner_fields(const Ctx& ctx) {
  std::vector<std::pair<std::string, std::string>> types;
  for (const auto& type : domain::partner_types())
    types.emplace_back(type, ctx.t("partner.type." + type));
  return {
      {.name = "name",
       .label_key = "partner.name",
       .kind = FieldKind::text,
       .required = true,
       .autocomplete = "organization",
       .max_length = domain::text_limit::name},
      {"type", "partner.type", FieldKind::select, true, "", types, ""},
      {.name = "contact_name",
       .label_key = "partner.contact_name",
       .kind = FieldKind::text,
       .autocomplete = "off",
       .max_length = domain::text_limit::name},
      {.name = "contact_email",
       .label_key = "partner.contact_email",
       .kind = FieldKind::email,
       .autocomplete = "off",
       .max_length = domain::text_limit::email},
      {.name = "mandate",
       .label_key = "partner.mandate",
       .kind = FieldKind::textarea,
       .hint_key = "partner.mandate_hint",
       .max_length = domain::text_limit::text},
      {.name = "brings",
       .label_key = "partner.brings",
       .kind = FieldKind::textarea,
       .hint_key = "partner.brings_hint",
       .max_length = domain::text_limit::text},
      {.name = "interests",
       .label_key = "partner.interests",
       .kind = FieldKind::textarea,
       .hint_key = "partner.interests_hint",
       .max_length = domain::text_limit::text},
      {"active", "partner.active", FieldKind::checkbox, false, "", {}, ""},
  };
}

domain::Partner partner_from(const nlohmann::json& v, long long id) {
  domain::Partner p;
  p.id = id;
  p.name = domain::trim(v["name"].get<std::string>());
  p.type = v["type"].get<std::string>();
  p.contact_name = domain::trim(v["contact_name"].get<std::string>());
  p.contact_email = domain::normalise_email(v["contact_email"].get<std::string>());
  p.mandate = domain::trim(v["mandate"].get<std::string>());
  p.brings = domain::trim(v["brings"].get<std::string>());
  p.interests = domain::trim(v["interests"].get<std::string>());
  p.active = v["active"].get<bool>();
  return p;
}

domain::Partner load_partner(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto partner = store::find_partner(conn.sql(), ctx.coalition_id(), id);
  if (!partner) not_found();
  return *partner;
}

void require_edit_right(const Ctx& ctx, long long partner_id) {
  if (!domain::can_edit_partner(ctx.me().person, partner_id)) forbidden();
}

void show_form(Ctx& ctx, long long id, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  const auto here = id == 0 ? "/partners" : "/partners/" + std::to_string(id);
  show_form_page(ctx, {form_title(ctx, id, "partners", values.value("name", "")), here, here},
                 partner_fields(ctx), values, errors, status);
}

// Validates and saves; on a problem the form comes back with what the user typed.
void save(Ctx& ctx, long long id) {
  const auto specs = partner_fields(ctx);
  const auto values = read_form(ctx, specs);
  auto partner = partner_from(values, id);
  auto errors = domain::validate(partner);
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  if (!errors.count("name") &&
      store::partner_name_taken(change.sql(), me.coalition.id, partner.name, id))
    errors["name"] = "error.name_taken";
  if (!errors.empty()) return show_form(ctx, id, values, errors, 422);
  if (id == 0)
    id = store::create_partner(change, partner);
  else
    store::update_partner(change, partner);
  change.commit();
  ctx.redirect_with_notice("/partners/" + std::to_string(id), "saved");
}

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : store::list_partners(conn.sql(), ctx.coalition_id()))
    rows.push_back({{"href", "/partners/" + std::to_string(p.id)},
                    {"name", p.name},
                    {"type", ctx.t("partner.type." + p.type)},
                    {"contact_name", p.contact_name},
                    {"status", ctx.t(p.active ? "partner.active_yes" : "partner.active_no")}});
  auto data = make_listing(ctx, "/partners",
                           {{"name", "partner.name"},
                            {"type", "partner.type"},
                            {"contact_name", "partner.contact_name"},
                            {"status", "partner.status"}},
                           std::move(rows), "name");
  data["can_create"] = ctx.me().is_beheerder();
  ctx.page("overzicht/partner_list", ctx.t("partners.title"), data);
}

void detail(Ctx& ctx) {
  const auto partner = load_partner(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  nlohmann::json people = nlohmann::json::array();
  for (const auto& person : store::list_people(conn.sql(), ctx.coalition_id()))
    if (person.partner_id == partner.id)
      people.push_back(
          {{"name", person.name}, {"role", ctx.t("role." + domain::word(person.role))}});
  const auto contributions = partner_contributions(ctx, conn.sql(), partner.id);
  ctx.page("overzicht/partner_detail", partner.name,
           {{"id", partner.id},
            {"name", partner.name},
            {"type", ctx.t("partner.type." + partner.type)},
            {"contact_name", partner.contact_name},
            {"contact_email", partner.contact_email},
            {"mandate", partner.mandate},
            {"brings", partner.brings},
            {"interests", partner.interests},
            {"active", ctx.t(partner.active ? "partner.active_yes" : "partner.active_no")},
            {"people", people},
            {"has_people", !people.empty()},
            {"contributions", contributions},
            {"has_contributions", !contributions.empty()},
            {"can_add_contribution", domain::can_edit_partner(ctx.me().person, partner.id)},
            {"can_edit", domain::can_edit_partner(ctx.me().person, partner.id)}});
}

}  // namespace

void register_partners_pages(App& app) {
  app.get("/partners", Access::signed_in, list, Caching::body);
  app.get("/partners/nieuw", Access::beheerder, [](Ctx& ctx) {
    show_form(ctx, 0, {{"active", true}}, {});
  });
  app.post("/partners", Access::beheerder, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/partners/(\d+))", Access::signed_in, detail, Caching::body);
  app.get(R"(/partners/(\d+)/bewerken)", Access::signed_in, [](Ctx& ctx) {
    const auto partner = load_partner(ctx, id_param(ctx));
    require_edit_right(ctx, partner.id);
    show_form(ctx, partner.id, store::to_json(partner), {});
  });
  app.post(R"(/partners/(\d+))", Access::editor, [](Ctx& ctx) {
    const auto partner = load_partner(ctx, id_param(ctx));
    require_edit_right(ctx, partner.id);
    save(ctx, partner.id);
  });
}

}  // namespace kompas::web
