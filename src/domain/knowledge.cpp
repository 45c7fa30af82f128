#include "domain/knowledge.h"

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

FieldErrors validate(const KnowledgeArticle& article) {
  FieldErrors errors;
  const auto check_title = [&](const std::string& field, const std::string& text, bool needed) {
    if (needed && trim(text).empty()) errors[field] = "error.required";
    check_length(errors, field, text, kMaximumArticleTitle);
  };
  const auto check_body = [&](const std::string& field, const std::string& text, bool needed) {
    if (needed && trim(text).empty()) errors[field] = "error.required";
    check_length(errors, field, text, kMaximumArticleBody);
  };
  check_title("title", article.title, true);
  check_body("body", article.body, true);
  const bool english = !trim(article.title_en).empty() || !trim(article.body_en).empty();
  check_title("title_en", article.title_en, english);
  check_body("body_en", article.body_en, english);
  return errors;
}

std::string slug_from_title(std::string_view title) {
  std::string slug;
  for (const char c : fold_for_matching(title)) {
    if (slug.size() >= 60) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "artikel" : slug;
}

std::optional<TitledText> read_titled_markdown(std::string_view file) {
  if (!file.starts_with("# ")) return std::nullopt;
  const auto end = file.find('\n');
  TitledText text{trim(file.substr(2, end == std::string_view::npos ? file.npos : end - 2)), ""};
  if (end != std::string_view::npos) text.body = trim(file.substr(end + 1));
  if (text.title.empty() || text.body.empty()) return std::nullopt;
  return text;
}

}  // namespace kompas::domain
