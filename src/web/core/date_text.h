#pragma once
// A date as people read it: "1 september 2026", "1 September 2026", the month from the
// catalogue. Pages write dates through Ctx::date; what has no Ctx (the demo) through this.
#include <string>

#include "web/core/i18n.h"

namespace kompas::web {

// Text that is not a date (YYYY-MM-DD) comes back as it is.
std::string date_text(const Catalogue& catalogue, Lang lang, const std::string& iso);

}  // namespace kompas::web
