#pragma once
// Text limits in forms (domain/text_limits.h has the limits themselves). A field declares its
// limit in its FieldSpec; a form built by hand passes it to its template and names it in the
// message the same way.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "web/ui/form.h"

namespace kompas::web {

// Marks each field whose posted text is longer than its declared max_length ("error.too_long"),
// for forms whose fields are read without a domain validator of their own.
void check_lengths(const std::vector<FieldSpec>& specs, const nlohmann::json& values,
                   domain::FieldErrors& errors);

// A field's message from its key: "error.too_long" names the limit ("Dit is te lang: gebruik
// hoogstens 200 tekens.") when the field has one.
std::string field_message(const Ctx& ctx, const std::string& key, std::size_t max_length = 0);

}  // namespace kompas::web
