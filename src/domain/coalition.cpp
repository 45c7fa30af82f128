#include "domain/coalition.h"

#include "domain/areas.h"
#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

FieldErrors validate(const Coalition& coalition) {
  FieldErrors errors;
  if (trim(coalition.name).empty()) errors["name"] = "error.required";
  check_length(errors, "name", coalition.name, text_limit::name);
  if (area_level(coalition.gemeente_code) != AreaLevel::gemeente)
    errors["gemeente_code"] = "error.gemeente_code";
  check_length(errors, "kartrekker", coalition.kartrekker, text_limit::name);
  if (!coalition.cycle_start.empty() && !is_valid_date(coalition.cycle_start))
    errors["cycle_start"] = "error.date";
  if (!coalition.plan_adopted_on.empty() && !is_valid_date(coalition.plan_adopted_on))
    errors["plan_adopted_on"] = "error.date";
  if (coalition.min_cell_size < 10 || coalition.min_cell_size > 1000)
    errors["min_cell_size"] = "error.min_cell_size";
  return errors;
}

}  // namespace kompas::domain
