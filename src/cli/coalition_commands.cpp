#include <iostream>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "domain/text.h"
#include "store/areas_store.h"
#include "store/coalitions_store.h"
#include "store/migrations.h"
#include "store/partners_store.h"
#include "store/password_quality.h"
#include "store/people_store.h"
#include "store/secrets.h"

namespace kompas::cli {

domain::Coalition resolve_coalition(store::Database& db, const std::string& code, const Texts& t) {
  store::Connection conn(db);
  if (!code.empty()) {
    auto found = store::find_coalition_by_code(conn.sql(), domain::normalise_area_code(code));
    if (!found) throw UserError(t.f("cli.coalition.unknown", {{"code", code}}));
    return *found;
  }
  const auto all = store::list_coalitions(conn.sql());
  if (all.size() == 1) return all.front();
  throw UserError(all.empty() ? t("cli.coalition.none") : t("cli.coalition.choose"));
}

namespace {

std::string field_errors_text(const domain::FieldErrors& errors, const Texts& t) {
  std::string text;
  for (const auto& [field, key] : errors) text += "\n  --" + field + ": " + t(key);
  return text;
}

struct CoalitionOptions {
  std::string db, code, name, kartrekker, cycle_start;
};

void add_coalition(const CoalitionOptions& o, const Texts& t) {
  store::Database db(o.db, 1);
  store::migrate(db);
  domain::Coalition c{0, domain::trim(o.name), domain::normalise_area_code(o.code),
                      domain::trim(o.kartrekker), o.cycle_start};
  const auto errors = domain::validate(c);
  if (!errors.empty()) throw UserError(t("cli.invalid") + field_errors_text(errors, t));
  store::Change change(db, {});
  if (store::find_coalition_by_code(change.sql(), c.gemeente_code))
    throw UserError(t.f("cli.coalition.exists", {{"code", c.gemeente_code}}));
  store::create_coalition(change, c);
  change.commit();
  std::cout << t.f("cli.coalition.created", {{"name", c.name}, {"code", c.gemeente_code}}) << "\n";
}

struct UserOptions {
  std::string db, coalition, email, name, role;
  long long partner = 0;
  bool password_stdin = false;
};

void add_user(const UserOptions& o, const Texts& t) {
  if (!o.password_stdin) throw UserError(t("cli.user.password_stdin"));
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  domain::Person p;
  p.coalition_id = coalition.id;
  p.name = domain::trim(o.name);
  p.email = domain::normalise_email(o.email);
  const auto role = domain::parse_word<domain::Role>(o.role);
  if (!role) throw UserError(t.f("cli.user.bad_role", {{"value", o.role}}));
  p.role = *role;
  if (o.partner != 0) p.partner_id = o.partner;
  auto errors = domain::validate(p);
  if (auto refusal = store::password_refusal(password, p.email))
    errors["password-stdin"] = *refusal;
  store::Change change(db, {coalition.id, std::nullopt, ""});
  if (p.partner_id && !store::find_partner(change.sql(), coalition.id, *p.partner_id))
    errors["partner"] = "error.partner_unknown";
  if (!errors.count("email") && store::email_taken(change.sql(), p.email, 0))
    errors["email"] = "error.email_taken";
  if (!errors.empty()) throw UserError(t("cli.invalid") + field_errors_text(errors, t));
  const auto id = store::create_person(change, p, store::hash_password(password));
  change.commit();
  std::cout << t.f("cli.user.created",
                   {{"email", p.email}, {"id", std::to_string(id)}, {"coalition", coalition.name}})
            << "\n";
}

struct AreasOptions {
  std::string db, coalition, file;
};

void import_areas(const AreasOptions& o, const Texts& t) {
  const InputFile file(o.file, t);
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  store::Change change(db, {coalition.id, std::nullopt, ""});
  const auto parsed = domain::parse_area_csv(file.bytes(), coalition.gemeente_code,
                                             store::area_codes(change.sql(), coalition.id));
  if (!parsed.problems.empty())
    throw_problems(t.f("cli.areas.problems", {{"file", o.file}}), parsed.problems, t);
  const auto counts = store::save_areas(change, parsed.areas);
  change.commit();
  std::cout << t.f(parsed.skipped_other_gemeente > 0 ? "notice.areas_imported_skipped"
                                                     : "notice.areas_imported",
                   {{"nieuw", std::to_string(counts.created)},
                    {"gewijzigd", std::to_string(counts.updated)},
                    {"ongewijzigd", std::to_string(counts.unchanged)},
                    {"overgeslagen", std::to_string(parsed.skipped_other_gemeente)}})
            << "\n";
}

}  // namespace

void add_coalition_commands(CLI::App& app, const Texts& t) {
  auto c = std::make_shared<CoalitionOptions>();
  auto* coalition_cmd = app.add_subcommand("coalition", t("cli.coalition.description"));
  coalition_cmd->require_subcommand(1);
  auto* add_c = coalition_cmd->add_subcommand("add", t("cli.coalition.add"));
  add_c->add_option("--db", c->db, t("cli.db"))->required();
  add_c->add_option("--code", c->code, t("cli.coalition.code"))->required();
  add_c->add_option("--name", c->name, t("cli.coalition.name"))->required();
  add_c->add_option("--kartrekker", c->kartrekker, t("cli.coalition.kartrekker"));
  add_c->add_option("--cycle-start", c->cycle_start, t("cli.coalition.cycle_start"));
  add_c->callback([c, &t] { add_coalition(*c, t); });

  auto u = std::make_shared<UserOptions>();
  auto* user_cmd = app.add_subcommand("user", t("cli.user.description"));
  user_cmd->require_subcommand(1);
  auto* add_u = user_cmd->add_subcommand("add", t("cli.user.add"));
  add_u->add_option("--db", u->db, t("cli.db"))->required();
  add_u->add_option("--coalition", u->coalition, t("cli.coalition_option"));
  add_u->add_option("--email", u->email, t("cli.user.email"))->required();
  add_u->add_option("--name", u->name, t("cli.user.name"))->required();
  add_u->add_option("--role", u->role, t("cli.user.role"))->required();
  add_u->add_option("--partner", u->partner, t("cli.user.partner"));
  add_u->add_flag("--password-stdin", u->password_stdin, t("cli.user.password"));
  add_u->callback([u, &t] { add_user(*u, t); });

  auto a = std::make_shared<AreasOptions>();
  auto* areas_cmd = app.add_subcommand("areas", t("cli.areas.description"));
  areas_cmd->require_subcommand(1);
  auto* import_cmd = areas_cmd->add_subcommand("import", t("cli.areas.import"));
  import_cmd->add_option("--db", a->db, t("cli.db"))->required();
  import_cmd->add_option("--coalition", a->coalition, t("cli.coalition_option"));
  import_cmd->add_option("file", a->file, t("cli.areas.file"))->required();
  import_cmd->callback([a, &t] { import_areas(*a, t); });
}

}  // namespace kompas::cli
