#include "form_walk.h"

#include <deque>
#include <regex>
#include <set>

#include "harness.h"

namespace kompas::test {
namespace {

// The value of attribute `name` in the tag `tag` ("" when absent). Our templates always quote
// attributes with double quotes.
std::string attribute(const std::string& tag, const std::string& name) {
  const auto at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 3;
  return tag.substr(start, tag.find('"', start) - start);
}

// The opening tags that name `field`.
std::vector<std::string> tags_named(const std::string& html, const std::string& field) {
  std::vector<std::string> tags;
  for (auto at = html.find("name=\"" + field + "\""); at != std::string::npos;
       at = html.find("name=\"" + field + "\"", at + 1)) {
    const auto open = html.rfind('<', at);
    tags.push_back(html.substr(open, html.find('>', at) - open));
  }
  return tags;
}

}  // namespace

std::vector<PostForm> post_forms(const std::string& page, const std::string& html) {
  std::vector<PostForm> forms;
  for (auto open = html.find("<form"); open != std::string::npos;
       open = html.find("<form", open + 1)) {
    const auto tag_end = html.find('>', open);
    const auto close = html.find("</form>", tag_end);
    const auto tag = html.substr(open, tag_end - open);
    if (attribute(tag, "method") != "post" || close == std::string::npos) continue;
    PostForm form{page, html_unescape(attribute(tag, "action"))};
    if (form.action.empty()) form.action = page;
    const auto inner = html.substr(tag_end, close - tag_end);
    for (auto at = inner.find('<'); at != std::string::npos; at = inner.find('<', at + 1)) {
      const auto end = inner.find('>', at);
      const auto field = inner.substr(at, end - at);
      const auto name = html_unescape(attribute(field, "name"));
      if (name.empty()) continue;
      const bool required = field.find(" required") != std::string::npos;
      FormField input{name};
      const auto maxlength = attribute(field, "maxlength");
      if (!maxlength.empty()) input.maxlength = std::stoul(maxlength);
      if (field.starts_with("<input")) {
        const auto type = attribute(field, "type");
        auto value = html_unescape(attribute(field, "value"));
        if ((type == "checkbox" || type == "radio") && field.find(" checked") == std::string::npos)
          continue;
        if (type == "file" || type == "submit") continue;
        const auto mode = attribute(field, "inputmode");
        if (type != "hidden") form.inputs.push_back({name, "input", type, mode, input.maxlength});
        if (value.empty() && required)
          value = type == "date"       ? "2026-03-01"
                  : type == "email"    ? "proef@voorbeeld.example"
                  : type == "password" ? "een-ander-lang-wachtwoord"
                  : mode == "numeric"  ? "2026"
                  : mode == "decimal"  ? "5"
                                       : "Proef";
        form.fields.emplace(name, value);
      } else if (field.starts_with("<textarea")) {
        const auto text_end = inner.find("</textarea>", end);
        auto value = html_unescape(inner.substr(end + 1, text_end - end - 1));
        if (value.empty() && required) value = "Proef";
        form.inputs.push_back({name, "textarea", "", "", input.maxlength});
        form.fields.emplace(name, value);
      } else if (field.starts_with("<select")) {
        const auto select_end = inner.find("</select>", end);
        const auto options = inner.substr(end, select_end - end);
        std::string chosen, first;
        for (auto o = options.find("<option"); o != std::string::npos;
             o = options.find("<option", o + 1)) {
          const auto option = options.substr(o, options.find('>', o) - o);
          const auto value = html_unescape(attribute(option, "value"));
          if (first.empty()) first = value;
          if (option.find(" selected") != std::string::npos) chosen = value;
        }
        form.inputs.push_back({name, "select"});
        form.fields.emplace(name, chosen.empty() ? first : chosen);
      }
    }
    forms.push_back(std::move(form));
  }
  return forms;
}

std::vector<std::pair<std::string, std::string>> walk(
    const std::function<httplib::Result(const std::string&)>& get,
    const std::vector<std::string>& starts) {
  std::vector<std::pair<std::string, std::string>> pages;
  std::set<std::string> seen(starts.begin(), starts.end());
  std::deque<std::string> queue(starts.begin(), starts.end());
  const std::regex link(R"re(href="(/[^"#?]*))re");
  const std::regex not_a_page(
      R"(\.(csv|xlsx|zip|json|ndjson|pdf|png|svg|ics|txt)$|^/uitloggen|^/static/|^/api/)");
  while (!queue.empty() && pages.size() < 800) {
    const auto path = queue.front();
    queue.pop_front();
    const auto r = get(path);
    if (status(r) != 200) continue;
    pages.emplace_back(path, r->body);
    for (std::sregex_iterator it(r->body.begin(), r->body.end(), link), end; it != end; ++it) {
      const auto href = html_unescape((*it)[1]);
      if (!std::regex_search(href, not_a_page) && seen.insert(href).second) queue.push_back(href);
    }
  }
  return pages;
}

std::string shape(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\d+)"), "N");
}

bool marked(const std::string& html, const std::string& field) {
  for (const auto& tag : tags_named(html, field))
    if (tag.find("aria-invalid=\"true\"") != std::string::npos) return true;
  return false;
}

std::string field_error(const std::string& html, const std::string& field) {
  for (const auto& tag : tags_named(html, field)) {
    std::istringstream ids(attribute(tag, "aria-describedby"));
    for (std::string id; ids >> id;) {
      const auto at = html.find("id=\"" + id + "\"");
      if (at == std::string::npos) continue;
      const auto open = html.rfind('<', at);
      const auto start = html.find('>', at) + 1;
      if (html.substr(open, start - open).find("error-message") == std::string::npos) continue;
      return html_unescape(html.substr(start, html.find("</", start) - start));
    }
  }
  return "";
}

}  // namespace kompas::test
