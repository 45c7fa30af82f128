#include <spdlog/spdlog.h>

#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/change.h"
#include "store/known_devices_store.h"
#include "store/password_quality.h"
#include "store/people_store.h"
#include "store/secrets.h"
#include "store/sessions_store.h"
#include "web/account/pages.h"
#include "web/core/cookies.h"
#include "web/core/return_path.h"
#include "web/ui/field_limits.h"
#include "web/ui/form.h"

namespace kompas::web {
namespace {

const std::vector<FieldSpec> kLoginFields = {
    {.name = "email",
     .label_key = "login.email",
     .kind = FieldKind::email,
     .required = true,
     .autocomplete = "username",
     .max_length = domain::text_limit::email},
    {"password", "login.password", FieldKind::password, true, "", {}, "current-password"},
};

const std::vector<FieldSpec> kPasswordFields = {
    {"current", "profile.current_password", FieldKind::password, true, "", {}, "current-password"},
    {"new",
     "profile.new_password",
     FieldKind::password,
     true,
     "profile.password_hint",
     {},
     "new-password"},
};

// What a form posted after the session ended carries through the sign-in (web/core/app.cpp,
// ask_to_sign_in_again): "herhaal" is where it was going, "herhaal.<field>" what was typed.
constexpr std::string_view kCarried = "herhaal.";

nlohmann::json carried_fields(const Ctx& ctx) {
  nlohmann::json carry = nlohmann::json::array();
  for (const auto& [name, value] : ctx.req.params)
    if (name == "herhaal" || name.starts_with(kCarried))
      carry.push_back({{"name", name}, {"value", value}});
  return carry;
}

void show_login(Ctx& ctx, const nlohmann::json& values, const std::string& error_key,
                int status = 200, const domain::FieldErrors& errors = {}) {
  const auto carry = carried_fields(ctx);
  nlohmann::json data = {
      {"fields", form_fields(ctx, kLoginFields, values, errors)},
      {"csrf", ctx.form_token()},
      {"carry", carry},
      {"carried", !carry.empty()},
      {"return_to",
       safe_return_path(ctx.field("terug").empty() ? ctx.query("terug") : ctx.field("terug"))}};
  if (!error_key.empty()) data["login_error"] = ctx.t(error_key);
  ctx.page("account/login", ctx.t("login.title"), data, status);
}

void login(Ctx& ctx) {
  const auto email = domain::normalise_email(ctx.field("email"));
  const auto password = ctx.field("password");
  const nlohmann::json typed = {{"email", ctx.field("email")}};
  // No account has an address longer than an address can be: no attempt is counted.
  domain::FieldErrors errors;
  check_lengths(kLoginFields, typed, errors);
  if (!errors.empty()) return show_login(ctx, typed, "", 422, errors);
  store::LoginAttempt attempt;
  std::optional<domain::Person> person;
  std::string hash;
  const auto device = cookie(ctx.req, kDeviceCookie);
  bool known_device = false;
  {
    store::Connection conn(ctx.app.db());
    // A browser that signed in as this account before is counted apart: guesses from
    // elsewhere never slow it (device cookies, OWASP).
    known_device = store::is_known_device(conn.sql(), device, email);
    attempt = known_device
                  ? store::begin_known_device_attempt(conn.sql(), device, ctx.app.config().throttle)
                  : store::begin_login_attempt(conn.sql(), email, ctx.client_address(),
                                               ctx.app.config().throttle);
    if (attempt.gate == store::LoginGate::open) {
      person = store::find_person_by_email(conn.sql(), email);
      if (person) hash = store::password_hash_of(conn.sql(), person->id);
    }
  }
  if (attempt.gate == store::LoginGate::blocked)
    return show_login(ctx, typed, "login.throttled", 429);
  if (attempt.gate == store::LoginGate::slowed) {
    ctx.res.set_header("Retry-After", std::to_string(ctx.app.config().throttle.slow_seconds));
    return show_login(ctx, typed, "login.slowed", 429);
  }
  // Always verify a hash, also for unknown addresses, so timing does not reveal accounts. The
  // check may wait for an argon2 slot, so no database session is held meanwhile.
  static const std::string dummy = store::hash_password("niet-bestaand-account-wachtwoord");
  const bool ok =
      store::verify_password(person ? hash : dummy, password) && person && person->active;
  if (!ok) {
    // The address tried is personal data and stays out of the log; the throttle counts it.
    spdlog::warn("mislukte aanmelding vanaf {}", ctx.client_address());
    return show_login(ctx, typed, "login.failed", 401);
  }
  store::Connection conn(ctx.app.db());
  store::login_succeeded(conn.sql(), email, attempt);
  if (!known_device)
    set_cookie(ctx.res, ctx.is_https(), kDeviceCookie, store::remember_device(conn.sql(), email),
               store::kKnownDeviceSeconds);
  const auto session = store::create_session(conn.sql(), person->id);
  set_cookie(ctx.res, ctx.is_https(), kSessionCookie, session.token, 0);
  set_cookie(ctx.res, ctx.is_https(), kFormCookie, "", -1);
  // Back after the session ended while a form was sent: what was typed, to save it now. The
  // person sees it and saves it with the new session's token, so a page elsewhere that posts to
  // the sign-in cannot have anything saved in their name.
  if (const auto target = ctx.field("herhaal");
      !target.empty() && safe_return_path(target) == target) {
    nlohmann::json fields = nlohmann::json::array(), typed_values = nlohmann::json::array();
    for (const auto& [name, value] : ctx.req.params) {
      if (!name.starts_with(kCarried)) continue;
      fields.push_back({{"name", name.substr(kCarried.size())}, {"value", value}});
      if (!domain::trim(value).empty()) typed_values.push_back(value);
    }
    return ctx.page("account/carried", ctx.t("carried.title"),
                    {{"action", target},
                     {"csrf", session.csrf_token},
                     {"fields", fields},
                     {"typed", typed_values},
                     {"has_typed", !typed_values.empty()}});
  }
  // A partner lands on its organisation's own page, unless a page was asked for.
  const auto back = safe_return_path(ctx.field("terug"));
  ctx.redirect(back == "/" && person->role == domain::Role::partner ? "/mijn-organisatie" : back);
}

}  // namespace

void show_profile(Ctx& ctx, const domain::FieldErrors& errors, int status,
                  const nlohmann::json& tokens) {
  const auto& me = ctx.me();
  ctx.page("account/profile", ctx.t("profile.title"),
           {{"name", me.person.name},
            {"email", me.person.email},
            {"role", ctx.t("role." + domain::word(me.person.role))},
            {"csrf", me.csrf_token},
            {"summary", error_summary(ctx, kPasswordFields, errors)},
            {"fields", form_fields(ctx, kPasswordFields, {}, errors)},
            {"api", tokens.is_null() ? api_token_section(ctx, "", "") : tokens}},
           status);
}

namespace {

void change_password(Ctx& ctx) {
  const auto& me = ctx.me();
  const auto current = ctx.field("current"), fresh = ctx.field("new");
  domain::FieldErrors errors;
  {
    store::Connection conn(ctx.app.db());
    if (!store::verify_password(store::password_hash_of(conn.sql(), me.person.id), current))
      errors["current"] = "error.password_wrong";
  }
  if (auto refusal = store::password_refusal(fresh, me.person.email)) errors["new"] = *refusal;
  if (!errors.empty()) return show_profile(ctx, errors, 422, nullptr);
  const auto hash = store::hash_password(fresh);  // before the write lock: it may wait its turn
  store::Change change(ctx.app.db(), ctx.actor());
  store::set_password(change, me.person.id, hash, cookie(ctx.req, kSessionCookie));
  change.commit();
  ctx.redirect_with_notice("/profiel", "password_changed");
}

}  // namespace

void register_auth_pages(App& app) {
  app.get("/inloggen", Access::anyone, [](Ctx& ctx) {
    if (ctx.viewer) return ctx.redirect("/");
    show_login(ctx, {}, "");
  });
  app.post("/inloggen", Access::anyone, login);
  app.post("/uitloggen", Access::signed_in, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    store::delete_session(conn.sql(), cookie(ctx.req, kSessionCookie));
    set_cookie(ctx.res, ctx.is_https(), kSessionCookie, "", -1);
    ctx.redirect("/inloggen?melding=signed_out");
  });
  app.get("/taal", Access::anyone, [](Ctx& ctx) {
    const auto lang = parse_lang(ctx.query("lang"));
    set_cookie(ctx.res, ctx.is_https(), kLangCookie, lang_code(lang), 365LL * 24 * 3600, false);
    ctx.redirect(safe_return_path(ctx.query("terug")));
  });
  // A signed-in request keeps the session going: the warning before it ends asks this.
  app.get("/sessie", Access::signed_in, [](Ctx& ctx) { ctx.res.status = 204; });
  app.get("/profiel", Access::signed_in, [](Ctx& ctx) { show_profile(ctx, {}, 200, nullptr); });
  app.post("/profiel/wachtwoord", Access::signed_in, change_password);
  app.get("/healthz", Access::anyone, [](Ctx& ctx) {
    if (ctx.app.db().ping()) return ctx.res.set_content(R"({"status":"ok"})", "application/json");
    ctx.res.status = 503;
    ctx.res.set_header("Retry-After", "10");
    ctx.res.set_content(R"({"status":"unavailable"})", "application/json");
  });
}

}  // namespace kompas::web
