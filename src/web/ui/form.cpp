#include "web/ui/form.h"

#include "domain/dates.h"
#include "domain/text.h"
#include "web/core/app.h"
#include "web/ui/field_limits.h"
#include "web/ui/input.h"
#include "web/ui/problems.h"

namespace kompas::web {
namespace {

const char* kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::text:
      return "text";
    case FieldKind::email:
      return "email";
    case FieldKind::password:
      return "password";
    case FieldKind::date:
      return "date";
    case FieldKind::tel:
      return "tel";
    case FieldKind::number:
    case FieldKind::whole_number:
      return "text";  // a decimal comma and a thousands dot must stay possible
    case FieldKind::checkboxes:
      return "checkboxes";
    case FieldKind::textarea:
      return "textarea";
    case FieldKind::select:
      return "select";
    case FieldKind::checkbox:
      return "checkbox";
    case FieldKind::file:
    case FieldKind::files:
      return "file";
  }
  return "text";
}

}  // namespace

nlohmann::json form_fields(const Ctx& ctx, const std::vector<FieldSpec>& specs,
                           const nlohmann::json& values, const domain::FieldErrors& errors) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& spec : specs) {
    const std::string kind = kind_name(spec.kind);
    nlohmann::json field = {{"id", "veld-" + spec.name},
                            {"name", spec.name},
                            {"label", ctx.t(spec.label_key)},
                            {"required", spec.required},
                            {"is_" + std::string(spec.kind == FieldKind::textarea     ? "textarea"
                                                 : spec.kind == FieldKind::select     ? "select"
                                                 : spec.kind == FieldKind::checkbox   ? "checkbox"
                                                 : spec.kind == FieldKind::checkboxes ? "checkboxes"
                                                                                      : "input"),
                             true},
                            {"inputmode", spec.kind == FieldKind::number         ? "decimal"
                                          : spec.kind == FieldKind::whole_number ? "numeric"
                                                                                 : ""},
                            {"multiple", spec.kind == FieldKind::files},
                            {"type", kind},
                            {"value", ""},
                            {"hint", nullptr},
                            {"error", nullptr},
                            {"autocomplete", nullptr},
                            {"checked", false},
                            {"options", nullptr},
                            {"maxlength", nullptr}};
    if (!spec.autocomplete.empty()) field["autocomplete"] = spec.autocomplete;
    std::string hint = spec.needed_when_key.empty() ? "" : ctx.t(spec.needed_when_key) + " ";
    if (!spec.hint_key.empty()) hint += ctx.t(spec.hint_key) + " ";
    hint += spec.extra_hint;
    if (spec.max_length > 0) {
      field["maxlength"] = spec.max_length;
      hint +=
          (hint.empty() || hint.back() == ' ' ? "" : " ") +
          ctx.tf("form.max_length", {{"max", ctx.number(static_cast<long long>(spec.max_length))}});
    }
    while (!hint.empty() && hint.back() == ' ') hint.pop_back();
    if (!hint.empty()) field["hint"] = hint;
    field["conditional"] = !spec.needed_when_key.empty();
    const auto value =
        values.is_object() && values.contains(spec.name) ? values.at(spec.name) : nlohmann::json();
    if (spec.kind == FieldKind::checkbox) {
      field["checked"] = value.is_boolean() && value.get<bool>();
    } else if (value.is_string() && spec.kind != FieldKind::password) {
      field["value"] = value.get<std::string>();
    }
    if (spec.kind == FieldKind::checkboxes) {
      nlohmann::json options = nlohmann::json::array();
      std::size_t index = 0;
      for (const auto& [option_value, label] : spec.options) {
        bool ticked = false;
        if (value.is_array())
          for (const auto& v : value) ticked = ticked || v == option_value;
        options.push_back({{"id", "veld-" + spec.name + "-" + std::to_string(index++)},
                           {"value", option_value},
                           {"label", label},
                           {"checked", ticked}});
      }
      field["options"] = options;
      field["id"] = "veld-" + spec.name + "-0";  // the error summary links to the first box
    }
    if (spec.kind == FieldKind::select) {
      nlohmann::json options = nlohmann::json::array();
      options.push_back(
          {{"value", ""}, {"label", ctx.t(spec.empty_option_key)}, {"selected", false}});
      for (const auto& [option_value, label] : spec.options)
        options.push_back({{"value", option_value},
                           {"label", label},
                           {"selected", value.is_string() && value == option_value}});
      field["options"] = options;
    }
    const auto error = errors.find(spec.name);
    if (error != errors.end()) field["error"] = field_message(ctx, error->second, spec.max_length);
    fields.push_back(field);
  }
  return fields;
}

nlohmann::json error_summary(const Ctx& ctx, const std::vector<FieldSpec>& specs,
                             const domain::FieldErrors& errors) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& spec : specs) {
    const auto error = errors.find(spec.name);
    if (error == errors.end()) continue;
    const std::string target =
        spec.kind == FieldKind::checkboxes ? "#veld-" + spec.name + "-0" : "#veld-" + spec.name;
    items.push_back({{"href", target},
                     {"text", ctx.t(spec.label_key) + ": " +
                                  field_message(ctx, error->second, spec.max_length)}});
  }
  if (items.empty()) return nullptr;
  return {{"items", items}};
}

void show_form_page(Ctx& ctx, const FormPage& page, const std::vector<FieldSpec>& specs,
                    const nlohmann::json& values, const domain::FieldErrors& errors, int status) {
  ctx.page("form_page", page.heading,
           {{"heading", page.heading},
            {"intro", page.intro.empty() ? nlohmann::json() : nlohmann::json(page.intro)},
            {"action", page.action},
            {"cancel", page.cancel},
            {"submit", ctx.t(page.submit_key)},
            {"multipart", page.multipart},
            {"remove", page.delete_href.empty() ? nlohmann::json()
                                                : nlohmann::json{{"href", page.delete_href},
                                                                 {"label", page.delete_label}}},
            {"csrf", ctx.form_token()},
            {"summary", error_summary(ctx, specs, errors)},
            {"fields", form_fields(ctx, specs, values, errors)}},
           status);
}

void show_import_problems(Ctx& ctx, const FormPage& page, const std::vector<FieldSpec>& specs,
                          const nlohmann::json& values,
                          const std::vector<domain::Problem>& problems) {
  std::vector<std::string> texts;
  for (const auto& problem : problems)
    texts.push_back(problem_text(ctx.app.catalogue(), ctx.lang, problem));
  show_import_problems(ctx, page, specs, values, texts);
}

void show_import_problems(Ctx& ctx, const FormPage& page, const std::vector<FieldSpec>& specs,
                          const nlohmann::json& values, const std::vector<std::string>& texts) {
  ctx.page("import_problems", page.heading,
           {{"heading", page.heading},
            {"intro", page.intro},
            {"action", page.action},
            {"cancel", page.cancel},
            {"submit", ctx.t(page.submit_key)},
            {"problems", texts},
            {"csrf", ctx.me().csrf_token},
            {"fields", form_fields(ctx, specs, values, {})}},
           422);
}

nlohmann::json read_form(const Ctx& ctx, const std::vector<FieldSpec>& specs) {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& spec : specs) {
    if (spec.kind == FieldKind::checkbox) {
      values[spec.name] = !ctx.field(spec.name).empty();
    } else if (spec.kind == FieldKind::checkboxes) {
      nlohmann::json ticked = nlohmann::json::array();
      const auto count = ctx.req.get_param_value_count(spec.name);
      for (std::size_t i = 0; i < count; ++i)
        ticked.push_back(ctx.req.get_param_value(spec.name, i));
      values[spec.name] = ticked;
    } else if (spec.kind == FieldKind::date) {
      // "1 september 2026" typed where a browser shows a text box becomes 2026-09-01.
      const auto typed = ctx.field(spec.name);
      const auto date = domain::read_date(typed, current_year());
      values[spec.name] = date ? *date : typed;
    } else {
      values[spec.name] = ctx.field(spec.name);
    }
  }
  return values;
}

domain::NumberStyle number_style(const Ctx& ctx) {
  return ctx.lang == Lang::en ? domain::NumberStyle::english : domain::NumberStyle::dutch;
}

std::optional<double> read_number_field(const Ctx& ctx, std::string_view text,
                                        const std::string& field, domain::FieldErrors& errors,
                                        bool percent) {
  if (domain::trim_view(text).empty()) return std::nullopt;
  const auto reading = domain::read_number(text, number_style(ctx), percent);
  if (reading.number) return reading.number->value();
  errors[field] =
      reading.problem == "number.decimal_point" ? "error.number_decimal_point" : "error.number";
  return std::nullopt;
}

std::optional<int> read_whole_number_field(const Ctx& ctx, std::string_view text,
                                           const std::string& field, domain::FieldErrors& errors) {
  const auto number = read_number_field(ctx, text, field, errors);
  if (!number) return std::nullopt;
  if (*number != std::floor(*number)) {
    errors[field] = "error.whole_number";
    return std::nullopt;
  }
  // A whole number too big for an int is still out of every field's range: the range check
  // names that, rather than "no comma" for a number without one.
  return static_cast<int>(std::clamp(*number, -1e9, 1e9));
}

}  // namespace kompas::web
