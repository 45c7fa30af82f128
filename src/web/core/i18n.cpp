#include "web/core/i18n.h"

#include <nlohmann/json.hpp>

#include "embedded.h"

namespace kompas::web {

Lang parse_lang(std::string_view code) {
  return code == "en" ? Lang::en : Lang::nl;
}
std::string lang_code(Lang lang) {
  return lang == Lang::en ? "en" : "nl";
}

Catalogue::Catalogue() {
  for (Lang lang : {Lang::nl, Lang::en}) {
    const auto json =
        nlohmann::json::parse(embedded::file("messages/" + lang_code(lang) + ".json"));
    for (auto it = json.begin(); it != json.end(); ++it)
      messages_[static_cast<int>(lang)][it.key()] = it.value().get<std::string>();
  }
}

const std::string& Catalogue::text(Lang lang, const std::string& key) const {
  const auto& table = messages_[static_cast<int>(lang)];
  const auto it = table.find(key);
  if (it != table.end()) return it->second;
  const auto& dutch = messages_[0];
  const auto nl = dutch.find(key);
  if (nl != dutch.end()) return nl->second;
  thread_local std::string missing;
  missing = key;
  return missing;
}

bool Catalogue::has(Lang lang, const std::string& key) const {
  return messages_[static_cast<int>(lang)].count(key) > 0;
}

std::vector<std::string> Catalogue::keys(Lang lang) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : messages_[static_cast<int>(lang)]) out.push_back(key);
  return out;
}

std::string fill_placeholders(const std::string& text,
                              const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string::npos) {
        const auto inside = text.substr(i + 1, close - i - 1);
        const auto bar = inside.find('|');
        const auto it = params.find(inside.substr(0, bar));
        if (it != params.end()) {
          out += it->second;
          if (bar != std::string::npos) {  // {count|singular|plural}
            const auto second = inside.find('|', bar + 1);
            out += ' ';
            out += it->second == "1"
                       ? inside.substr(bar + 1, second - bar - 1)
                       : inside.substr(second == std::string::npos ? inside.size() : second + 1);
          }
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

std::string Catalogue::format(Lang lang, const std::string& key,
                              const std::map<std::string, std::string>& params) const {
  return fill_placeholders(text(lang, key), params);
}

}  // namespace kompas::web
