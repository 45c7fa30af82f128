#include "web/ui/field_limits.h"

#include "domain/text_limits.h"
#include "web/core/app.h"

namespace kompas::web {

void check_lengths(const std::vector<FieldSpec>& specs, const nlohmann::json& values,
                   domain::FieldErrors& errors) {
  for (const auto& spec : specs)
    if (spec.max_length > 0 && values.contains(spec.name) && values[spec.name].is_string())
      domain::check_length(errors, spec.name, values[spec.name].get<std::string>(),
                           spec.max_length);
}

std::string field_message(const Ctx& ctx, const std::string& key, std::size_t max_length) {
  if (key == "error.too_long" && max_length > 0)
    return ctx.tf("error.too_long_max", {{"max", ctx.number(static_cast<long long>(max_length))}});
  return ctx.t(key);
}

}  // namespace kompas::web
