#include "domain/coalition.h"

#include "domain/areas.h"
#include "domain/text.h"

namespace kompas::domain {

FieldErrors validate(const Coalition& coalition) {
  FieldErrors errors;
  if (trim(coalition.name).empty()) errors["name"] = "error.required";
  if (coalition.name.size() > 200) errors["name"] = "error.too_long";
  if (area_level(coalition.gemeente_code) != AreaLevel::gemeente)
    errors["gemeente_code"] = "error.gemeente_code";
  if (coalition.kartrekker.size() > 200) errors["kartrekker"] = "error.too_long";
  if (!coalition.cycle_start.empty() && !is_valid_date(coalition.cycle_start))
    errors["cycle_start"] = "error.date";
  if (!coalition.plan_adopted_on.empty() && !is_valid_date(coalition.plan_adopted_on))
    errors["plan_adopted_on"] = "error.date";
  if (coalition.min_cell_size < 10 || coalition.min_cell_size > 1000)
    errors["min_cell_size"] = "error.min_cell_size";
  return errors;
}

}  // namespace kompas::domain
