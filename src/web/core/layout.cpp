#include "web/core/layout.h"

#include "web/core/app.h"
#include "web/core/section.h"
#include "web/core/url.h"

namespace kompas::web {
namespace {

// Stands in for a slot's value while the skeleton is rendered; escaping leaves it as it is.
std::string marker(LayoutSlot slot) {
  return std::string("\x02") + static_cast<char>('A' + static_cast<int>(slot)) + "\x02";
}

std::shared_ptr<const LayoutSkeleton> make_skeleton(const Ctx& ctx, const std::string& section,
                                                    bool with_notice) {
  nlohmann::json data = {{"lang", lang_code(ctx.lang)},
                         {"title", marker(LayoutSlot::title)},
                         {"body", marker(LayoutSlot::body)}};
  if (ctx.viewer) {
    nlohmann::json nav = nlohmann::json::array(), beside_name = nlohmann::json::array();
    for (const auto& item : sections()) {
      if (item.path.empty()) continue;
      if (item.shown == Shown::beheerder && !ctx.viewer->is_beheerder()) continue;
      if (item.shown == Shown::with_partner && !ctx.viewer->person.partner_id) continue;
      (item.beside_name ? beside_name : nav)
          .push_back({{"href", item.path},
                      {"label", ctx.t(item.nav_key)},
                      {"current", section == item.path}});
    }
    data["nav"] = nav;
    data["beside_name"] = beside_name;
    data["has_nav"] = true;
    data["viewer"] = {{"name", marker(LayoutSlot::name)},
                      {"role", marker(LayoutSlot::role)},
                      {"coalition", marker(LayoutSlot::coalition)},
                      {"csrf", marker(LayoutSlot::csrf)},
                      {"idle_seconds", ctx.app.config().sessions.idle_seconds}};
  }
  if (with_notice) data["notice"] = marker(LayoutSlot::notice);
  const Lang other = ctx.lang == Lang::nl ? Lang::en : Lang::nl;
  data["switch_lang"] = {{"href", marker(LayoutSlot::switch_href)},
                         {"label", ctx.app.catalogue().text(other, "lang.switch")},
                         {"code", lang_code(other)}};
  const auto html = ctx.app.views().render(ctx.lang, "layout", data);

  auto skeleton = std::make_shared<LayoutSkeleton>();
  auto add_text = [&](std::string text) {
    if (text.empty()) return;
    auto deflated = deflate_piece(text, Effort::thorough);
    skeleton->pieces.push_back({std::nullopt, std::move(text), std::move(deflated)});
  };
  std::size_t pos = 0;
  for (auto at = html.find('\x02'); at != std::string::npos; at = html.find('\x02', pos)) {
    add_text(html.substr(pos, at - pos));
    skeleton->pieces.push_back({static_cast<LayoutSlot>(html[at + 1] - 'A'), "", {}});
    pos = at + 3;
  }
  add_text(html.substr(pos));
  return skeleton;
}

}  // namespace

std::shared_ptr<const LayoutSkeleton> LayoutSkeletons::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto it = skeletons_.find(key);
  return it == skeletons_.end() ? nullptr : it->second;
}

std::shared_ptr<const LayoutSkeleton> LayoutSkeletons::store(
    const std::string& key, std::shared_ptr<const LayoutSkeleton> skeleton) {
  std::lock_guard lock(mutex_);
  return skeletons_.emplace(key, std::move(skeleton)).first->second;
}

Layout layout_for(const Ctx& ctx, const std::string& title) {
  Layout layout;
  auto set = [&](LayoutSlot slot, const std::string& value) {
    layout.values[static_cast<std::size_t>(slot)] = html_escape(value);
  };
  set(LayoutSlot::title, title);
  const auto notice_key = "notice." + ctx.query("melding");
  const bool with_notice = ctx.app.catalogue().has(ctx.lang, notice_key);
  if (with_notice) {
    // Counts in a notice come from the query string; only digits are taken over.
    std::map<std::string, std::string> counts;
    for (const auto& [name, value] : ctx.req.params)
      if (!value.empty() && value.size() < 10 &&
          value.find_first_not_of("0123456789") == std::string::npos)
        counts[name] = value;
    set(LayoutSlot::notice, ctx.tf(notice_key, counts));
  }
  const Lang other = ctx.lang == Lang::nl ? Lang::en : Lang::nl;
  set(LayoutSlot::switch_href,
      "/taal?lang=" + lang_code(other) + "&terug=" + encode_query_param(ctx.req.path));
  std::string section;
  if (ctx.viewer) {
    if (const auto* current = section_of(ctx.req.path)) {
      section = current->path;
      // The section in the title too: an activity, its quality check and its place on the
      // sociale kaart share a name, and a tab or a screen reader tells them apart by the title.
      const auto label = current->nav_key.empty() ? title : ctx.t(current->nav_key);
      if (label != title) set(LayoutSlot::title, title + " · " + label);
    }
    set(LayoutSlot::name, ctx.viewer->person.name);
    set(LayoutSlot::role, ctx.t("role." + domain::word(ctx.viewer->person.role)));
    set(LayoutSlot::coalition, ctx.viewer->coalition.name);
    set(LayoutSlot::csrf, ctx.viewer->csrf_token);
  }
  // Everything the skeleton itself depends on.
  const auto key = lang_code(ctx.lang) + '|' + section + '|' +
                   (!ctx.viewer                  ? "-"
                    : ctx.viewer->is_beheerder() ? "beheerder"
                                                 : "other") +
                   (ctx.viewer && ctx.viewer->person.partner_id ? "+partner" : "") + '|' +
                   (with_notice ? "notice" : "");
  layout.skeleton = ctx.app.layout_skeletons().find(key);
  if (!layout.skeleton)
    layout.skeleton =
        ctx.app.layout_skeletons().store(key, make_skeleton(ctx, section, with_notice));
  return layout;
}

std::string render_layout(const Ctx& ctx, const std::string& title, const std::string& body) {
  const auto layout = layout_for(ctx, title);
  std::string html;
  html.reserve(body.size() + 8192);
  for (const auto& piece : layout.skeleton->pieces)
    html += !piece.slot                       ? piece.text
            : *piece.slot == LayoutSlot::body ? body
                                              : layout.value(*piece.slot);
  return html;
}

}  // namespace kompas::web
