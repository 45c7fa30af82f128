#pragma once
// The message catalogue: every string shown to people, Dutch first, English second
// (messages/nl.json, messages/en.json, flat "dotted.key": "text" objects).
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kompas::web {

enum class Lang { nl, en };

Lang parse_lang(std::string_view code);  // anything unknown is Dutch
std::string lang_code(Lang lang);

class Catalogue {
 public:
  Catalogue();  // loads the embedded catalogues
  // The text for a key; a missing key shows as the key itself so it is noticed, never crashes.
  const std::string& text(Lang lang, const std::string& key) const;
  // Replaces {name} placeholders with the given values.
  std::string format(Lang lang, const std::string& key,
                     const std::map<std::string, std::string>& params) const;
  bool has(Lang lang, const std::string& key) const;
  std::vector<std::string> keys(Lang lang) const;

 private:
  std::map<std::string, std::string> messages_[2];
};

// Replaces {name} placeholders in a text. A count names its thing in the singular and the
// plural, "{count|ambitie|ambities}": "1 ambitie", "2 ambities", "1.500 ambities" (singular only
// for exactly "1"), so no text reads "1 ambities".
std::string fill_placeholders(const std::string& text,
                              const std::map<std::string, std::string>& params);

}  // namespace kompas::web
