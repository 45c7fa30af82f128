#include "domain/quality_instrument.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "domain/activities.h"
#include "domain/text.h"

namespace kompas::domain {

Band band_of(int score) {
  if (score <= 5) return Band::laag;
  if (score <= 7) return Band::midden;
  return Band::hoog;
}

std::size_t Instrument::question_count() const {
  std::size_t count = 0;
  for (const auto& theme : themes) count += theme.questions.size();
  return count;
}

const CheckQuestion* Instrument::find(std::string_view question_code) const {
  for (const auto& theme : themes)
    for (const auto& question : theme.questions)
      if (question.code == question_code) return &question;
  return nullptr;
}

namespace {

using nlohmann::json;

// Codes end up in addresses and form field names: keep them plain.
bool is_code(const std::string& code) {
  return !code.empty() && code.size() <= 60 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

class Reader {
 public:
  std::vector<Problem> problems;

  void problem(std::string code, std::map<std::string, std::string> params = {}) {
    add_problem(problems, Problem{0, 0, std::move(code), std::move(params)});
  }

  std::string text_of(const json& parent, const char* key) {
    const auto found = parent.find(key);
    if (found == parent.end() || !found->is_string()) return "";
    return trim(found->get<std::string>());
  }

  // A {"nl": ..., "en": ...} object; `place` names it in the problem.
  LocalText local_text(const json& parent, const char* key, const std::string& place) {
    LocalText text;
    const auto found = parent.find(key);
    if (found != parent.end() && found->is_object()) {
      text.nl = text_of(*found, "nl");
      text.en = text_of(*found, "en");
    }
    if (text.nl.empty() || text.en.empty()) problem("instrument.missing_text", {{"place", place}});
    return text;
  }

  std::string code_of(const json& item, const std::string& place) {
    auto code = text_of(item, "code");
    if (!is_code(code)) problem("instrument.code", {{"code", code.empty() ? place : code}});
    return code;
  }

  CheckQuestion question(const json& item, const std::string& theme_code) {
    CheckQuestion q;
    q.code = code_of(item, theme_code + "/?");
    const auto place = theme_code + "/" + q.code;
    q.element = text_of(item, "element");
    const auto& elements = effective_elements();
    if (!q.element.empty() &&
        std::find(elements.begin(), elements.end(), q.element) == elements.end())
      problem("instrument.unknown_element", {{"code", q.code}, {"element", q.element}});
    q.text = local_text(item, "text", place + " text");
    q.help = local_text(item, "help", place + " help");
    const auto tips = item.find("tips");
    const json none = json::object();
    for (const auto band : {Band::laag, Band::midden, Band::hoog}) {
      const auto name = word(band);
      q.tips[static_cast<std::size_t>(band)] =
          local_text(tips != item.end() && tips->is_object() ? *tips : none, name.c_str(),
                     place + " tips." + name);
    }
    return q;
  }

  Instrument instrument(const json& root) {
    Instrument instrument;
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer() || version->get<long long>() < 1 ||
        version->get<long long>() > 1'000'000)
      problem("instrument.version");
    else
      instrument.version = static_cast<int>(version->get<long long>());
    instrument.name = local_text(root, "name", "name");
    const auto themes = root.find("themes");
    if (themes == root.end() || !themes->is_array() || themes->empty()) {
      problem("instrument.no_themes");
      return instrument;
    }
    std::set<std::string> theme_codes, question_codes;
    for (const auto& item : *themes) {
      if (!item.is_object()) {
        problem("instrument.no_themes");
        continue;
      }
      CheckTheme theme;
      theme.code = code_of(item, "?");
      if (!theme.code.empty() && !theme_codes.insert(theme.code).second)
        problem("instrument.duplicate_theme", {{"code", theme.code}});
      theme.title = local_text(item, "title", theme.code + " title");
      const auto questions = item.find("questions");
      if (questions == item.end() || !questions->is_array() || questions->empty())
        problem("instrument.no_questions", {{"theme", theme.code}});
      else
        for (const auto& q : *questions) {
          if (!q.is_object()) {
            problem("instrument.code", {{"code", theme.code + "/?"}});
            continue;
          }
          theme.questions.push_back(question(q, theme.code));
          const auto& code = theme.questions.back().code;
          if (!code.empty() && !question_codes.insert(code).second)
            problem("instrument.duplicate_question", {{"code", code}});
        }
      instrument.themes.push_back(std::move(theme));
    }
    return instrument;
  }
};

}  // namespace

InstrumentRead read_instrument(std::string_view text) {
  InstrumentRead read;
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    read.problems.push_back(Problem{0, 0, "instrument.json", {{"detail", e.what()}}});
    return read;
  }
  if (!root.is_object()) {
    read.problems.push_back(Problem{0, 0, "instrument.json", {{"detail", "{ }"}}});
    return read;
  }
  Reader reader;
  auto instrument = reader.instrument(root);
  read.problems = std::move(reader.problems);
  if (read.problems.empty()) read.instrument = std::move(instrument);
  return read;
}

std::optional<Problem> check_new_version(int version, std::optional<int> latest) {
  if (!latest || version > *latest) return std::nullopt;
  return Problem{0,
                 0,
                 "instrument.version_not_newer",
                 {{"version", std::to_string(version)}, {"latest", std::to_string(*latest)}}};
}

}  // namespace kompas::domain
