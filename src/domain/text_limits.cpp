#include "domain/text_limits.h"

#include "domain/text.h"

namespace kompas::domain {

bool check_length(FieldErrors& errors, const std::string& field, std::string_view text,
                  std::size_t max) {
  if (utf8_length(text) <= max) return true;
  errors[field] = "error.too_long";
  return false;
}

}  // namespace kompas::domain
