#include "web/layout.h"

#include "web/app.h"

namespace kompas::web {
namespace {

struct NavItem {
  const char* path;
  const char* key;
  bool beheerder_only;
};

// The navigation follows the cycle of the Kwaliteitskompas, then the supporting parts.
constexpr NavItem kNav[] = {
    {"/", "nav.overview", false},
    {"/verkennen", "nav.explore", false},
    {"/doelen", "nav.goals", false},
    {"/wie-doet-wat", "nav.who", false},
    {"/kwaliteit", "nav.quality", false},
    {"/resultaten", "nav.results", false},
    {"/verbetercyclus", "nav.improve", false},
    {"/deskundigheid", "nav.expertise", false},
    {"/sociale-kaart", "nav.social_map", false},
    {"/beheer", "nav.admin", true},
};

// Which navigation item a path belongs to, so sub-pages keep their section highlighted.
std::string section_of(const std::string& path) {
  if (path.starts_with("/partners") || path.starts_with("/mensen")) return "/";
  if (path.starts_with("/gebieden")) return "/verkennen";
  if (path.starts_with("/indicatoren")) return "/doelen";
  if (path.starts_with("/acties")) return "/wie-doet-wat";
  if (path.starts_with("/beheer")) return "/beheer";
  const auto slash = path.find('/', 1);
  return slash == std::string::npos ? path : path.substr(0, slash);
}

}  // namespace

std::string render_layout(const Ctx& ctx, const std::string& title, const std::string& body) {
  nlohmann::json data = {{"lang", lang_code(ctx.lang)}, {"title", title}, {"body", body}};
  if (ctx.viewer) {
    const auto section = section_of(ctx.req.path);
    nlohmann::json nav = nlohmann::json::array();
    for (const auto& item : kNav) {
      if (item.beheerder_only && !ctx.viewer->is_beheerder()) continue;
      nav.push_back(
          {{"href", item.path}, {"label", ctx.t(item.key)}, {"current", section == item.path}});
    }
    data["nav"] = nav;
    data["has_nav"] = true;
    data["viewer"] = {{"name", ctx.viewer->person.name},
                      {"role", ctx.t("role." + domain::role_name(ctx.viewer->person.role))},
                      {"coalition", ctx.viewer->coalition.name},
                      {"csrf", ctx.viewer->csrf_token}};
  }
  const auto notice = ctx.query("melding");
  if (!notice.empty() && ctx.app.catalogue().has(ctx.lang, "notice." + notice)) {
    // Counts in a notice come from the query string; only digits are taken over.
    std::map<std::string, std::string> counts;
    for (const auto& [name, value] : ctx.req.params)
      if (!value.empty() && value.size() < 10 &&
          value.find_first_not_of("0123456789") == std::string::npos)
        counts[name] = value;
    data["notice"] = ctx.tf("notice." + notice, counts);
  }
  const Lang other = ctx.lang == Lang::nl ? Lang::en : Lang::nl;
  data["switch_lang"] = {{"href", "/taal?lang=" + lang_code(other) + "&terug=" +
                                      httplib::detail::encode_query_param(ctx.req.path)},
                         {"label", ctx.app.catalogue().text(other, "lang.switch")},
                         {"code", lang_code(other)}};
  return ctx.app.views().render(ctx.lang, "layout", data);
}

}  // namespace kompas::web
