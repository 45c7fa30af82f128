// The kennisbank (/deskundigheid/kennisbank): short articles for everyone who meets lonely
// people, with search in the reader's language. The beheerder writes and edits them; every save
// is a version, a preview shows the text and its readability before saving, and an old version
// can be taken up again. When the beheerder switches it on, the same articles are public at
// /openbaar/<gemeente>/kennisbank, without signing in.
#include "domain/numbers.h"
#include "domain/readability.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/coalitions_store.h"
#include "store/knowledge_store.h"
#include "web/deskundigheid/pages.h"
#include "web/ui/form.h"
#include "web/ui/markdown.h"

namespace kompas::web {
namespace {

using domain::KnowledgeArticle;

const std::string kBase = "/deskundigheid/kennisbank";

std::string article_href(const std::string& base, const std::string& slug) {
  return base + "/" + slug;
}

// The text in the reader's language: English where the article has it.
struct ReadText {
  const std::string& title;
  const std::string& body;
  bool only_dutch;
};
ReadText in_language(const Ctx& ctx, const KnowledgeArticle& a) {
  if (ctx.lang != Lang::en) return {a.title, a.body, false};
  if (a.title_en.empty()) return {a.title, a.body, true};
  return {a.title_en, a.body_en, false};
}

// How easy the Dutch text is to read, with the title as the writers' measure counts it.
nlohmann::json readability_view(const Ctx& ctx, const std::string& title, const std::string& body) {
  const auto r = domain::measure_readability("# " + title + "\n\n" + body);
  const char separator = ctx.decimal_separator();
  return {{"score", domain::format_decimal(r.flesch_douma, separator, 0)},
          {"words_per_sentence", domain::format_decimal(r.words_per_sentence, separator, 1)},
          {"syllables_per_word", domain::format_decimal(r.syllables_per_word, separator, 2)},
          {"words", ctx.number(r.words)},
          {"b1", r.b1},
          {"advice", r.b1 ? ""
                     : r.words_per_sentence > domain::kB1MaximumSentence
                         ? ctx.t("readability.shorter_sentences")
                         : ctx.t("readability.shorter_words")}};
}

std::vector<FieldSpec> article_fields() {
  return {{.name = "title",
           .label_key = "article.title",
           .kind = FieldKind::text,
           .required = true,
           .autocomplete = "off",
           .max_length = domain::kMaximumArticleTitle},
          {.name = "body",
           .label_key = "article.body",
           .kind = FieldKind::textarea,
           .required = true,
           .hint_key = "article.body_hint",
           .max_length = domain::kMaximumArticleBody},
          {.name = "title_en",
           .label_key = "article.title_en",
           .kind = FieldKind::text,
           .hint_key = "article.title_en_hint",
           .autocomplete = "off",
           .max_length = domain::kMaximumArticleTitle},
          {.name = "body_en",
           .label_key = "article.body_en",
           .kind = FieldKind::textarea,
           .max_length = domain::kMaximumArticleBody},
          {"shown", "article.shown", FieldKind::checkbox, false, "article.shown_hint", {}, ""}};
}

nlohmann::json article_values(const KnowledgeArticle& a) {
  return {{"title", a.title},
          {"body", a.body},
          {"title_en", a.title_en},
          {"body_en", a.body_en},
          {"shown", a.shown}};
}

KnowledgeArticle load_article(Ctx& ctx, soci::session& sql, std::size_t index = 1) {
  auto article = store::find_article(sql, ctx.coalition_id(), ctx.path_param(index));
  if (!article) not_found();
  return *article;
}

// The list, searched or not: shown articles only, except for the beheerder signed in.
void article_list(Ctx& ctx, soci::session& sql, long long coalition_id, const std::string& base,
                  bool with_hidden) {
  auto articles = store::list_articles(sql, coalition_id);
  const auto typed = domain::trim(ctx.query("q"));
  if (!typed.empty()) {
    auto ids = store::search_articles(
        sql, coalition_id, typed,
        ctx.lang == Lang::en ? domain::SearchLanguage::english : domain::SearchLanguage::dutch);
    // An English reader also finds what is written in Dutch only.
    if (ctx.lang == Lang::en)
      for (const auto id :
           store::search_articles(sql, coalition_id, typed, domain::SearchLanguage::dutch))
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    std::vector<KnowledgeArticle> found;
    for (const auto id : ids)
      for (const auto& a : articles)
        if (a.id == id) found.push_back(a);
    articles = std::move(found);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : articles) {
    if (!a.shown && !with_hidden) continue;
    const auto text = in_language(ctx, a);
    items.push_back({{"title", text.title},
                     {"href", article_href(base, a.slug)},
                     {"summary", markdown_summary(text.body)},
                     {"hidden", !a.shown}});
  }
  const auto count = static_cast<long long>(items.size());
  ctx.page("deskundigheid/articles", ctx.t("knowledge.title"),
           {{"base", base},
            {"q", typed},
            {"articles", items},
            {"searched", !typed.empty()},
            {"result", typed.empty() ? ""
                                     : ctx.tf(count == 0   ? "knowledge.found_none"
                                              : count == 1 ? "knowledge.found_one"
                                                           : "knowledge.found_many",
                                              {{"count", ctx.number(count)}, {"q", typed}})},
            {"can_add", with_hidden}});
}

nlohmann::json article_view(Ctx& ctx, const KnowledgeArticle& a, const std::string& base) {
  const auto text = in_language(ctx, a);
  return {{"title", text.title},
          {"html", markdown_html(text.body)},
          {"only_dutch", text.only_dutch},
          {"updated", ctx.tf("article.updated", {{"date", ctx.date(local_date(a.updated_at))},
                                                 {"version", std::to_string(a.version)}})},
          {"back", base}};
}

void article_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto a = load_article(ctx, conn.sql());
  const bool beheerder = ctx.me().is_beheerder();
  if (!a.shown && !beheerder) not_found();
  auto view = article_view(ctx, a, kBase);
  if (beheerder)
    view.update({{"manage",
                  {{"edit", article_href(kBase, a.slug) + "/bewerken"},
                   {"versions", article_href(kBase, a.slug) + "/versies"},
                   {"hidden", !a.shown},
                   {"readability", readability_view(ctx, a.title, a.body)}}}});
  ctx.page("deskundigheid/article", view["title"].get<std::string>(), view);
}

// The form, with the preview of what was typed when asked for.
struct ArticleForm {
  std::string heading, action, cancel;
  int base_version = 0;      // the version the writer started from; 0 for a new article
  std::string from_version;  // "You are editing from version 2" when taken up again
};

void show_article_form(Ctx& ctx, const ArticleForm& form, const nlohmann::json& values,
                       const domain::FieldErrors& errors, bool preview, int status = 200) {
  const auto specs = article_fields();
  nlohmann::json data = {{"heading", form.heading},
                         {"action", form.action},
                         {"cancel", form.cancel},
                         {"base_version", form.base_version},
                         {"from_version", form.from_version},
                         {"csrf", ctx.me().csrf_token},
                         {"summary", error_summary(ctx, specs, errors)},
                         {"fields", form_fields(ctx, specs, values, errors)}};
  if (preview) {
    const auto title = values["title"].get<std::string>();
    const auto body = values["body"].get<std::string>();
    data["preview"] = {{"title", title},
                       {"html", markdown_html(body)},
                       {"readability", readability_view(ctx, title, body)}};
  }
  ctx.page("deskundigheid/article_form", form.heading, data, status);
}

KnowledgeArticle article_from(const nlohmann::json& values) {
  KnowledgeArticle a;
  a.title = domain::trim(values["title"].get<std::string>());
  a.body = values["body"].get<std::string>();
  a.title_en = domain::trim(values["title_en"].get<std::string>());
  a.body_en = values["body_en"].get<std::string>();
  a.shown = values["shown"].get<bool>();
  return a;
}

// Preview or save. A save that meets a newer version than the writer started from is refused,
// so nobody overwrites a colleague's edit without seeing it.
void post_article(Ctx& ctx, const ArticleForm& form, std::optional<KnowledgeArticle> existing) {
  const auto values = read_form(ctx, article_fields());
  auto article = article_from(values);
  auto errors = domain::validate(article);
  if (ctx.field("actie") == "voorbeeld")
    return show_article_form(ctx, form, values, errors, errors.empty());
  if (!errors.empty()) return show_article_form(ctx, form, values, errors, false, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  if (existing) {
    article.id = existing->id;
    article.slug = existing->slug;
    if (!store::update_article(change, article, form.base_version)) {
      const auto current = store::find_article(change.sql(), ctx.coalition_id(), existing->slug);
      auto newer = form;
      newer.base_version = current->version;
      newer.from_version =
          ctx.tf("article.changed_meanwhile", {{"version", std::to_string(current->version)}});
      return show_article_form(ctx, newer, values, {}, false, 409);
    }
  } else {
    article = store::create_article(change, article);
  }
  change.commit();
  ctx.redirect_with_notice(article_href(kBase, article.slug), "article_saved");
}

ArticleForm edit_form(Ctx& ctx, const KnowledgeArticle& a) {
  return {ctx.tf("article.edit_title", {{"title", a.title}}),
          article_href(kBase, a.slug) + "/bewerken", article_href(kBase, a.slug), a.version, ""};
}

ArticleForm new_form(Ctx& ctx) {
  return {ctx.t("article.new_title"), kBase + "/nieuw", kBase, 0, ""};
}

void edit_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto a = load_article(ctx, conn.sql());
  auto form = edit_form(ctx, a);
  auto values = article_values(a);
  // "?versie=2": the form holds that version's text; saving makes it the newest again.
  if (const auto wanted = parse_id(ctx.query("versie"))) {
    const auto old = store::find_article_version(conn.sql(), a.id, static_cast<int>(*wanted));
    if (!old) not_found();
    values.update({{"title", old->title},
                   {"body", old->body},
                   {"title_en", old->title_en},
                   {"body_en", old->body_en}});
    form.from_version = ctx.tf("article.from_version", {{"version", std::to_string(old->version)}});
  }
  show_article_form(ctx, form, values, {}, false);
}

void versions_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto a = load_article(ctx, conn.sql());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& v : store::article_versions(conn.sql(), a.id)) {
    auto readability = readability_view(ctx, v.title, v.body);
    rows.push_back({{"version", v.version},
                    {"href", article_href(kBase, a.slug) + "/versies/" + std::to_string(v.version)},
                    {"title", v.title},
                    {"saved_at", ctx.date_time(v.saved_at)},
                    {"saved_by", v.saved_by.empty() ? ctx.t("article.shipped") : v.saved_by},
                    {"current", v.version == a.version},
                    {"readability", readability}});
  }
  ctx.page("deskundigheid/versions", ctx.tf("article.versions_title", {{"title", a.title}}),
           {{"title", a.title}, {"back", article_href(kBase, a.slug)}, {"versions", rows}});
}

void version_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto a = load_article(ctx, conn.sql());
  const auto number = parse_id(ctx.path_param(2));
  const auto v = number ? store::find_article_version(conn.sql(), a.id, static_cast<int>(*number))
                        : std::nullopt;
  if (!v) not_found();
  KnowledgeArticle old = a;
  old.title = v->title;
  old.body = v->body;
  old.title_en = v->title_en;
  old.body_en = v->body_en;
  old.version = v->version;
  old.updated_at = v->saved_at;
  auto view = article_view(ctx, old, kBase);
  view.update({{"back", article_href(kBase, a.slug) + "/versies"},
               {"version_of", ctx.tf("article.version_of", {{"version", std::to_string(v->version)},
                                                            {"title", a.title}})},
               {"restore", v->version == a.version
                               ? nlohmann::json()
                               : nlohmann::json(article_href(kBase, a.slug) +
                                                "/bewerken?versie=" + std::to_string(v->version))},
               {"manage", {{"readability", readability_view(ctx, v->title, v->body)}}}});
  ctx.page("deskundigheid/article", view["version_of"].get<std::string>(), view);
}

// The public pages: found by the gemeente code, only when the beheerder switched them on.
domain::Coalition public_coalition(Ctx& ctx, soci::session& sql) {
  auto coalition = store::find_coalition_by_code(sql, ctx.path_param(1));
  if (!coalition || !coalition->public_knowledge) not_found();
  return *coalition;
}

std::string public_base(const domain::Coalition& c) {
  return "/openbaar/" + c.gemeente_code + "/kennisbank";
}

}  // namespace

void register_knowledge_pages(App& app) {
  app.get(
      kBase, Access::signed_in,
      [](Ctx& ctx) {
        store::Connection conn(ctx.app.db());
        article_list(ctx, conn.sql(), ctx.coalition_id(), kBase, ctx.me().is_beheerder());
      },
      Caching::body);
  app.get(kBase + "/nieuw", Access::beheerder,
          [](Ctx& ctx) { show_article_form(ctx, new_form(ctx), article_values({}), {}, false); });
  app.post(kBase + "/nieuw", Access::beheerder,
           [](Ctx& ctx) { post_article(ctx, new_form(ctx), std::nullopt); });
  const std::string slug = "/([a-z0-9-]{1,80})";
  app.get(kBase + slug, Access::signed_in, article_page, Caching::body);
  app.get(kBase + slug + "/bewerken", Access::beheerder, edit_page);
  app.post(kBase + slug + "/bewerken", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto a = load_article(ctx, conn.sql());
    auto form = edit_form(ctx, a);
    form.base_version = parse_id(ctx.field("basis")).value_or(0);
    post_article(ctx, form, a);
  });
  app.get(kBase + slug + "/versies", Access::beheerder, versions_page);
  app.get(kBase + slug + R"(/versies/(\d{1,9}))", Access::beheerder, version_page);

  app.get(R"(/openbaar/(GM\d{4})/kennisbank)", Access::anyone, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto coalition = public_coalition(ctx, conn.sql());
    article_list(ctx, conn.sql(), coalition.id, public_base(coalition), false);
  });
  app.get(R"(/openbaar/(GM\d{4})/kennisbank)" + slug, Access::anyone, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto coalition = public_coalition(ctx, conn.sql());
    const auto a = store::find_article(conn.sql(), coalition.id, ctx.path_param(2));
    if (!a || !a->shown) not_found();
    const auto view = article_view(ctx, *a, public_base(coalition));
    ctx.page("deskundigheid/article", view["title"].get<std::string>(), view);
  });
}

}  // namespace kompas::web
