#pragma once
// Markdown (CommonMark, by cmark) as the kennisbank shows it. Raw HTML in the text is left out
// and links other than http(s), mailto and tel are dropped, so an article can never bring script
// into a page; a "#" heading becomes h2, since the page's own title is its only h1.
#include <string>
#include <string_view>

namespace kompas::web {

std::string markdown_html(std::string_view markdown);

// The text of the first paragraph without marks, cut at a word near `limit` characters ("…"):
// what a list of articles shows under each title.
std::string markdown_summary(std::string_view markdown, std::size_t limit = 200);

}  // namespace kompas::web
