// Block 0 of the Kwaliteitskompas (/kwaliteit/samenwerking): per partner its mandate, what it
// brings and what it wants from the coalition, and the coalition's shared list of terms
// (begrippenlijst), which the beheerder keeps.
#include "domain/self_scan.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/partners_store.h"
#include "store/self_scans_store.h"
#include "web/kwaliteit/pages.h"
#include "web/ui/delete_confirmation.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"

namespace kompas::web {
namespace {

std::vector<FieldSpec> term_fields() {
  return {{.name = "term",
           .label_key = "term.term",
           .kind = FieldKind::text,
           .required = true,
           .autocomplete = "off",
           .max_length = domain::text_limit::name},
          {.name = "meaning",
           .label_key = "term.meaning",
           .kind = FieldKind::textarea,
           .required = true,
           .hint_key = "term.meaning_hint",
           .max_length = domain::text_limit::note}};
}

std::string term_href(long long id) {
  return "/kwaliteit/begrippen/" + std::to_string(id);
}

domain::Term load_term(Ctx& ctx, soci::session& sql) {
  auto term = store::find_term(sql, ctx.coalition_id(), id_param(ctx));
  if (!term) not_found();
  return *term;
}

void show_term_form(Ctx& ctx, long long id, const nlohmann::json& values,
                    const domain::FieldErrors& errors, int status = 200) {
  FormPage page{form_title(ctx, id, "term", values.value("term", "")),
                id == 0 ? "/kwaliteit/begrippen" : term_href(id),
                "/kwaliteit/samenwerking#begrippen"};
  if (id != 0) {
    page.delete_href = term_href(id) + "/verwijderen";
    page.delete_label = ctx.t("term.delete_title");
  }
  show_form_page(ctx, page, term_fields(), values, errors, status);
}

void save_term(Ctx& ctx, long long id) {
  const auto values = read_form(ctx, term_fields());
  domain::Term term{id, domain::trim(values["term"].get<std::string>()),
                    domain::trim(values["meaning"].get<std::string>())};
  auto errors = domain::validate(term);
  store::Change change(ctx.app.db(), ctx.actor());
  if (!errors.count("term") && store::term_taken(change.sql(), ctx.coalition_id(), term.term, id))
    errors["term"] = "term.taken";
  if (!errors.empty()) return show_term_form(ctx, id, values, errors, 422);
  if (id == 0)
    store::create_term(change, term);
  else
    store::update_term(change, term);
  change.commit();
  ctx.redirect_with_notice("/kwaliteit/samenwerking#begrippen", "saved");
}

void collaboration(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto& me = ctx.me();
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& p : store::list_partners(conn.sql(), ctx.coalition_id())) {
    if (!p.active) continue;
    partners.push_back(
        {{"name", p.name},
         {"href", "/partners/" + std::to_string(p.id)},
         {"mandate", p.mandate},
         {"brings", p.brings},
         {"interests", p.interests},
         {"edit", domain::can_edit_partner(me.person, p.id)
                      ? nlohmann::json("/partners/" + std::to_string(p.id) + "/bewerken")
                      : nlohmann::json()}});
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : store::list_terms(conn.sql(), ctx.coalition_id()))
    terms.push_back(
        {{"term", t.term},
         {"meaning", t.meaning},
         {"edit", me.is_beheerder() ? nlohmann::json(term_href(t.id)) : nlohmann::json()}});
  ctx.page("kwaliteit/collaboration", ctx.t("collaboration.title"),
           {{"partners", partners},
            {"terms", terms},
            {"has_terms", !terms.empty()},
            {"can_add", me.is_beheerder()}});
}

void confirm_delete(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto term = load_term(ctx, conn.sql());
  show_delete_confirmation(ctx, {title_naming(ctx.t("term.delete_title"), term.term),
                                 ctx.tf("term.delete_question", {{"name", term.term}}),
                                 {},
                                 term_href(term.id) + "/verwijderen",
                                 term_href(term.id),
                                 ctx.t("term.delete_title")});
}

void remove(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto term = load_term(ctx, change.sql());
  require_delete_confirmation(ctx);
  store::delete_term(change, term);
  change.commit();
  ctx.redirect_with_notice("/kwaliteit/samenwerking#begrippen", "deleted");
}

}  // namespace

void register_collaboration_pages(App& app) {
  app.get("/kwaliteit/samenwerking", Access::signed_in, collaboration, Caching::body);
  app.get("/kwaliteit/begrippen/nieuw", Access::beheerder, [](Ctx& ctx) {
    show_term_form(ctx, 0, {{"term", ""}, {"meaning", ""}}, {});
  });
  app.post("/kwaliteit/begrippen", Access::beheerder, [](Ctx& ctx) { save_term(ctx, 0); });
  app.get(R"(/kwaliteit/begrippen/(\d+))", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto term = load_term(ctx, conn.sql());
    show_term_form(ctx, term.id, {{"term", term.term}, {"meaning", term.meaning}}, {});
  });
  app.post(R"(/kwaliteit/begrippen/(\d+))", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    save_term(ctx, load_term(ctx, conn.sql()).id);
  });
  app.get(R"(/kwaliteit/begrippen/(\d+)/verwijderen)", Access::beheerder, confirm_delete);
  app.post(R"(/kwaliteit/begrippen/(\d+)/verwijderen)", Access::beheerder, remove);
}

}  // namespace kompas::web
