#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/partners_store.h"
#include "store/password_quality.h"
#include "store/people_store.h"
#include "store/secrets.h"
#include "store/sessions_store.h"
#include "web/core/cookies.h"
#include "web/overzicht/pages.h"
#include "web/ui/form.h"
#include "web/ui/listing.h"
#include "web/ui/page_title.h"

namespace kompas::web {
namespace {

// `id`: 0 for a new person. An existing person with failed logins in the throttle's window gets
// a box to clear them (the beheerder's unlock; the person may be locked out from their address).
std::vector<FieldSpec> person_fields(Ctx& ctx, long long id) {
  const bool is_new = id == 0;
  std::vector<std::pair<std::string, std::string>> roles, partners;
  for (const char* role : {"beheerder", "partner", "lezer"})
    roles.emplace_back(role, ctx.t(std::string("role.") + role));
  store::Connection conn(ctx.app.db());
  for (const auto& p : store::list_partners(conn.sql(), ctx.coalition_id()))
    partners.emplace_back(std::to_string(p.id), p.name);
  int failures = 0;
  if (const auto person =
          is_new ? std::nullopt : store::find_person(conn.sql(), ctx.coalition_id(), id))
    failures = store::recent_login_failures(conn.sql(), person->email, ctx.app.config().throttle);
  std::vector<FieldSpec> fields = {
      {.name = "name",
       .label_key = "person.name",
       .kind = FieldKind::text,
       .required = true,
       .autocomplete = "off",
       .max_length = domain::text_limit::name},
      {.name = "email",
       .label_key = "person.email",
       .kind = FieldKind::email,
       .required = true,
       .autocomplete = "off",
       .max_length = domain::text_limit::email},
      {"role", "person.role", FieldKind::select, true, "person.role_hint", roles, ""},
      {"partner_id", "person.partner", FieldKind::select, false, "person.partner_hint", partners,
       ""},
      {"password",
       is_new ? "person.password" : "person.new_password",
       FieldKind::password,
       is_new,
       "profile.password_hint",
       {},
       "new-password"},
      {"active", "person.active", FieldKind::checkbox, false, "", {}, ""},
  };
  if (failures > 0) {
    FieldSpec unlock{"unlock", "person.unlock", FieldKind::checkbox, false, "", {}, ""};
    unlock.extra_hint = ctx.tf("person.unlock_hint", {{"count", ctx.number(failures)}});
    fields.push_back(unlock);
  }
  return fields;
}

void show_form(Ctx& ctx, long long id, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  show_form_page(ctx,
                 {form_title(ctx, id, "people", values.value("name", "")),
                  id == 0 ? "/mensen" : "/mensen/" + std::to_string(id), "/mensen"},
                 person_fields(ctx, id), values, errors, status);
}

void save(Ctx& ctx, long long id) {
  const auto specs = person_fields(ctx, id);
  const auto values = read_form(ctx, specs);
  const auto& me = ctx.me();
  domain::Person person;
  person.id = id;
  person.coalition_id = me.coalition.id;
  person.name = domain::trim(values["name"].get<std::string>());
  person.email = domain::normalise_email(values["email"].get<std::string>());
  const auto role = domain::parse_word<domain::Role>(values["role"].get<std::string>());
  person.role = role.value_or(domain::Role::lezer);
  person.active = values["active"].get<bool>();
  const auto password = values["password"].get<std::string>();

  // The password is checked and hashed before the write lock is taken: hashing may wait for a
  // free argon2 slot.
  domain::FieldErrors errors;
  std::string password_hash;
  if (id == 0 || !password.empty()) {
    if (auto refusal = store::password_refusal(password, person.email))
      errors["password"] = *refusal;
    else
      password_hash = store::hash_password(password);
  }
  store::Change change(ctx.app.db(), ctx.actor());
  const auto partner_text = values["partner_id"].get<std::string>();
  if (!partner_text.empty()) {
    const auto partner_id = partner_text.size() < 18 && partner_text.find_first_not_of(
                                                            "0123456789") == std::string::npos
                                ? std::stoll(partner_text)
                                : -1;
    if (store::find_partner(change.sql(), me.coalition.id, partner_id))
      person.partner_id = partner_id;
    else
      errors["partner_id"] = "error.choose";
  }
  for (auto& [field, key] : domain::validate(person)) errors.emplace(field, key);
  if (!role) errors["role"] = "error.choose";
  if (!errors.count("email") && store::email_taken(change.sql(), person.email, id))
    errors["email"] = "error.email_taken";
  // A beheerder cannot lock themselves out by accident.
  if (id == me.person.id && (person.role != domain::Role::beheerder || !person.active))
    errors["role"] = "error.self_demote";
  if (!errors.empty()) return show_form(ctx, id, values, errors, 422);

  if (id == 0) {
    id = store::create_person(change, person, password_hash);
  } else {
    const auto before = store::find_person(change.sql(), me.coalition.id, id);
    store::update_person(change, person);
    // Changing one's own password here keeps this session, as on the profile page.
    if (!password_hash.empty())
      store::set_password(change, id, password_hash,
                          id == me.person.id ? cookie(ctx.req, kSessionCookie) : "");
    if (values.value("unlock", false) && before) {
      store::unlock_account(change.sql(), before->email);
      change.record("ontgrendelen", "persoon", std::to_string(id), person.name, nullptr,
                    nlohmann::json{{"login_failures", 0}});
    }
  }
  change.commit();
  ctx.redirect_with_notice("/mensen", "saved");
}

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  std::map<long long, std::string> partner_names;
  for (const auto& p : store::list_partners(conn.sql(), ctx.coalition_id()))
    partner_names[p.id] = p.name;
  const bool beheerder = ctx.me().is_beheerder();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : store::list_people(conn.sql(), ctx.coalition_id()))
    rows.push_back({{"href", "/mensen/" + std::to_string(p.id) + "/bewerken"},
                    {"name", p.name},
                    {"email", beheerder ? p.email : ""},
                    {"role", ctx.t("role." + domain::word(p.role))},
                    {"partner", p.partner_id ? partner_names[*p.partner_id] : ""},
                    {"status", ctx.t(p.active ? "person.active_yes" : "person.active_no")}});
  std::vector<Column> columns = {{"name", "person.name"}};
  if (beheerder) columns.push_back({"email", "person.email"});
  columns.insert(
      columns.end(),
      {{"role", "person.role"}, {"partner", "person.partner"}, {"status", "person.status"}});
  auto data = make_listing(ctx, "/mensen", columns, std::move(rows), "name");
  data["is_beheerder"] = beheerder;
  ctx.page("overzicht/person_list", ctx.t("people.title"), data);
}

nlohmann::json values_of(const domain::Person& p) {
  return {{"name", p.name},
          {"email", p.email},
          {"role", domain::word(p.role)},
          {"partner_id", p.partner_id ? std::to_string(*p.partner_id) : ""},
          {"active", p.active}};
}

domain::Person load_person(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto person = store::find_person(conn.sql(), ctx.coalition_id(), id_param(ctx));
  if (!person) not_found();
  return *person;
}

}  // namespace

void register_people_pages(App& app) {
  app.get("/mensen", Access::signed_in, list, Caching::body);
  app.get("/mensen/nieuw", Access::beheerder, [](Ctx& ctx) {
    show_form(ctx, 0, {{"active", true}, {"role", "lezer"}}, {});
  });
  app.post("/mensen", Access::beheerder, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/mensen/(\d+)/bewerken)", Access::beheerder, [](Ctx& ctx) {
    const auto person = load_person(ctx);
    show_form(ctx, person.id, values_of(person), {});
  });
  app.post(R"(/mensen/(\d+))", Access::beheerder, [](Ctx& ctx) {
    const auto person = load_person(ctx);
    save(ctx, person.id);
  });
}

}  // namespace kompas::web
