// Personal API tokens on the profile page: create one (shown once, never again) and revoke it.
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/api_tokens_store.h"
#include "web/account/pages.h"
#include "web/ui/form.h"

namespace kompas::web {

namespace {

const FieldSpec kNameField{.name = "token_name",
                           .label_key = "tokens.name",
                           .required = true,
                           .hint_key = "tokens.name_hint",
                           .autocomplete = "off",
                           .max_length = domain::text_limit::name};

}  // namespace

nlohmann::json api_token_section(Ctx& ctx, const std::string& new_token,
                                 const std::string& error_key) {
  store::Connection conn(ctx.app.db());
  nlohmann::json tokens = nlohmann::json::array();
  for (const auto& t : store::list_api_tokens(conn.sql(), ctx.me().person.id))
    tokens.push_back(
        {{"id", t.id},
         {"name", t.name},
         {"created", ctx.date_time(t.created_at)},
         {"used", t.last_used_at ? ctx.date_time(*t.last_used_at) : ctx.t("tokens.never")},
         {"revoked", t.revoked_at.has_value()}});
  return {{"tokens", tokens},
          {"has_tokens", !tokens.empty()},
          {"new_token", new_token.empty() ? nlohmann::json() : nlohmann::json(new_token)},
          {"name_form",
           {{"fields",
             form_fields(ctx, {kNameField},
                         {{"token_name", error_key.empty() ? "" : ctx.field("token_name")}},
                         error_key.empty() ? domain::FieldErrors{}
                                           : domain::FieldErrors{{"token_name", error_key}})}}}};
}

namespace {

void create_token(Ctx& ctx) {
  const auto name = domain::trim(ctx.field("token_name"));
  domain::FieldErrors errors;
  if (name.empty()) errors["token_name"] = "error.required";
  domain::check_length(errors, "token_name", name, kNameField.max_length);
  if (!errors.empty())
    return show_profile(ctx, {}, 422, api_token_section(ctx, "", errors.begin()->second));
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto token = store::create_api_token(change, me.person.id, name);
  change.commit();
  // Shown on this answer only: it is not stored, so it cannot be shown again.
  show_profile(ctx, {}, 200, api_token_section(ctx, token, ""));
}

void revoke_token(Ctx& ctx) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  if (!store::revoke_api_token(change, me.person.id, id_param(ctx))) not_found();
  change.commit();
  ctx.redirect_with_notice("/profiel", "token_revoked");
}

}  // namespace

void register_token_pages(App& app) {
  app.post("/profiel/sleutels", Access::signed_in, create_token);
  app.post(R"(/profiel/sleutels/(\d+)/intrekken)", Access::signed_in, revoke_token);
}

}  // namespace kompas::web
