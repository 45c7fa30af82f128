#include "web/core/view.h"

#include <kainjow/mustache.hpp>
#include <stdexcept>
#include <unordered_map>

#include "embedded.h"

namespace kompas::web {
namespace {

namespace mstch = kainjow::mustache;

std::string include_partials(const std::string& text, const std::map<std::string, std::string>& raw,
                             int depth) {
  if (depth > 8) throw std::runtime_error("template includes nest too deeply");
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const auto open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    const auto close = text.find("}}", open);
    if (close == std::string::npos) break;
    out += text.substr(pos, open - pos);
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const auto it = raw.find(name);
    if (it == raw.end()) throw std::runtime_error("template include not found: " + name);
    out += include_partials(it->second, raw, depth + 1);
    pos = close + 2;
  }
  return out + text.substr(pos);
}

std::string translate(const std::string& text, const Catalogue& catalogue, Lang lang,
                      const std::string& name) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const auto open = text.find("[[", pos);
    if (open == std::string::npos) break;
    const auto close = text.find("]]", open);
    if (close == std::string::npos) break;
    const auto key = text.substr(open + 2, close - open - 2);
    // [[@nl]] inside a tag marks what people of the coalition wrote, in Dutch: in the English
    // interface a screen reader then reads it as Dutch (WCAG 3.1.2).
    if (key == "@nl") {
      out += text.substr(pos, open - pos) + (lang == Lang::nl ? "" : " lang=\"nl\"");
      pos = close + 2;
      continue;
    }
    if (!catalogue.has(lang, key))
      throw std::runtime_error("message '" + key + "' missing for " + lang_code(lang) + " in " +
                               name);
    out += text.substr(pos, open - pos) + html_escape(catalogue.text(lang, key));
    pos = close + 2;
  }
  return out + text.substr(pos);
}

mstch::data to_data(const nlohmann::json& json);

// The library's set() and push_back() copy what they are given, so a tree built from the leaves
// up is copied once per level (a big city's plan: five times 2 MB). Containers are therefore put
// in empty and filled where they stand; they are the library's own non-const values, reached
// through its const accessors.
void fill(mstch::data& out, const nlohmann::json& json) {
  const auto container = [](const nlohmann::json& j) { return j.is_object() || j.is_array(); };
  const auto empty = [](const nlohmann::json& j) {
    return mstch::data(j.is_object() ? mstch::data::type::object : mstch::data::type::list);
  };
  if (json.is_object()) {
    for (auto it = json.begin(); it != json.end(); ++it) {
      if (!container(it.value())) {
        out.set(it.key(), to_data(it.value()));
        continue;
      }
      out.set(it.key(), empty(it.value()));
      fill(*const_cast<mstch::data*>(out.get(it.key())), it.value());
    }
    return;
  }
  for (const auto& item : json) {
    if (!container(item)) {
      out.push_back(to_data(item));
      continue;
    }
    out.push_back(empty(item));
    fill(const_cast<mstch::data&>(out.list_value().back()), item);
  }
}

mstch::data to_data(const nlohmann::json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::object:
    case nlohmann::json::value_t::array: {
      mstch::data tree(json.is_object() ? mstch::data::type::object : mstch::data::type::list);
      fill(tree, json);
      return tree;
    }
    case nlohmann::json::value_t::string:
      // Mustache counts "" as true; an empty text should make {{^x}} sections show instead.
      if (json.get_ref<const std::string&>().empty())
        return mstch::data(mstch::data::type::bool_false);
      return mstch::data(json.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return json.get<bool>() ? mstch::data(mstch::data::type::bool_true)
                              : mstch::data(mstch::data::type::bool_false);
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return mstch::data(mstch::data::type::bool_false);
    default:
      return mstch::data(json.dump());
  }
}

}  // namespace

std::string html_escape(const std::string& text) {
  return mstch::html_escape(text);
}

Views::Views(const Catalogue& catalogue) {
  const std::string prefix = "templates/", suffix = ".mustache";
  std::map<std::string, std::string> raw;
  for (const auto& path : embedded::list(prefix)) {
    if (!path.ends_with(suffix)) continue;
    raw[path.substr(prefix.size(), path.size() - prefix.size() - suffix.size())] =
        std::string(embedded::file(path));
  }
  for (Lang lang : {Lang::nl, Lang::en})
    for (const auto& [name, text] : raw) {
      auto full = translate(include_partials(text, raw, 0), catalogue, lang, name);
      mstch::mustache check(full);
      if (!check.is_valid())
        throw std::runtime_error("template " + name + ": " + check.error_message());
      sources_[static_cast<int>(lang)][name] = std::move(full);
    }
}

bool Views::exists(const std::string& name) const {
  return sources_[0].count(name) > 0;
}

std::string Views::render(Lang lang, const std::string& name, const nlohmann::json& data) const {
  // A compiled mustache template keeps render state, so each server thread compiles its own.
  thread_local std::unordered_map<std::string, std::unique_ptr<mstch::mustache>> compiled;
  const std::string key = lang_code(lang) + ":" + name;
  auto it = compiled.find(key);
  if (it == compiled.end()) {
    const auto& sources = sources_[static_cast<int>(lang)];
    const auto source = sources.find(name);
    if (source == sources.end()) throw std::runtime_error("template not found: " + name);
    it = compiled.emplace(key, std::make_unique<mstch::mustache>(source->second)).first;
  }
  return it->second->render(to_data(data));
}

}  // namespace kompas::web
