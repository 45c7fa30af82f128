#include "web/ui/markdown.h"

#include <cmark.h>

#include <memory>

#include "domain/text.h"

namespace kompas::web {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using Document = std::unique_ptr<cmark_node, NodeDeleter>;

Document parse(std::string_view markdown) {
  return Document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
}

bool is_allowed_link(std::string_view url) {
  const auto lower = domain::lower_ascii(url.substr(0, 10));
  // A scheme ends at the first ':' before any '/', '?' or '#'; without one the link is relative.
  const auto colon = url.find(':');
  const auto first_other = url.find_first_of("/?#");
  if (colon == std::string_view::npos || first_other < colon) return true;
  return lower.starts_with("http:") || lower.starts_with("https:") ||
         lower.starts_with("mailto:") || lower.starts_with("tel:");
}

// A "#" heading becomes h2, since the page's title is its only h1 ("##" and below stay as they
// are); links and images with other schemes become their text.
void adjust(cmark_node* root) {
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                               cmark_iter_free);
  std::vector<cmark_node*> unsafe;
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    if (event != CMARK_EVENT_ENTER) continue;
    auto* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        if (cmark_node_get_heading_level(node) == 1) cmark_node_set_heading_level(node, 2);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (const char* url = cmark_node_get_url(node); url && !is_allowed_link(url))
          unsafe.push_back(node);
        break;
      default:
        break;
    }
  }
  // Unwrapped after the walk, which must not see the tree change under it.
  for (auto* node : unsafe) {
    while (auto* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);  // unlinks it first
  }
}

}  // namespace

std::string markdown_html(std::string_view markdown) {
  auto document = parse(markdown);
  adjust(document.get());
  // Without CMARK_OPT_UNSAFE, raw HTML becomes a comment and javascript: links are emptied.
  std::unique_ptr<char, decltype(&free)> html(cmark_render_html(document.get(), CMARK_OPT_DEFAULT),
                                              free);
  return html.get();
}

std::string markdown_summary(std::string_view markdown, std::size_t limit) {
  auto document = parse(markdown);
  cmark_node* paragraph = nullptr;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(document.get()),
                                                               cmark_iter_free);
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE && !paragraph;
       event = cmark_iter_next(iter.get()))
    if (event == CMARK_EVENT_ENTER &&
        cmark_node_get_type(cmark_iter_get_node(iter.get())) == CMARK_NODE_PARAGRAPH)
      paragraph = cmark_iter_get_node(iter.get());
  if (!paragraph) return "";
  std::string text;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> inside(cmark_iter_new(paragraph),
                                                                 cmark_iter_free);
  for (auto event = cmark_iter_next(inside.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(inside.get())) {
    auto* node = cmark_iter_get_node(inside.get());
    if (event != CMARK_EVENT_ENTER) continue;
    const auto type = cmark_node_get_type(node);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) text += cmark_node_get_literal(node);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) text += ' ';
  }
  if (domain::utf8_length(text) <= limit) return text;
  // Cut at the last space before the limit (counted in characters, not bytes).
  std::size_t bytes = 0, characters = 0, last_space = 0;
  for (; bytes < text.size(); ++bytes) {
    if ((static_cast<unsigned char>(text[bytes]) & 0xC0) != 0x80 && characters++ == limit) break;
    if (text[bytes] == ' ') last_space = bytes;
  }
  return text.substr(0, last_space > 0 ? last_space : bytes) + "…";
}

}  // namespace kompas::web
