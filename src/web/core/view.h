#pragma once
// Mustache templates (templates/**/*.mustache), translated once at start-up: "[[key]]" becomes
// the HTML-escaped catalogue text for each language, and "{{> name}}" includes another template.
// Values are HTML-escaped by mustache unless a template deliberately uses {{{triple}}}.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "web/core/i18n.h"

namespace kompas::web {

class Views {
 public:
  explicit Views(const Catalogue& catalogue);
  // Renders templates/<name>.mustache with data given as JSON.
  std::string render(Lang lang, const std::string& name, const nlohmann::json& data) const;
  bool exists(const std::string& name) const;

 private:
  std::map<std::string, std::string> sources_[2];  // name -> translated template text
};

std::string html_escape(const std::string& text);

}  // namespace kompas::web
