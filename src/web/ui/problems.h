#pragma once
// Turns domain problems (code + parameters + place in a file) into sentences from the catalogue.
#include <string>
#include <vector>

#include "domain/problem.h"
#include "web/core/i18n.h"

namespace kompas::web {

// "Regel 4, kolom 2: ..." in the chosen language; without a place just the message.
std::string problem_text(const Catalogue& catalogue, Lang lang, const domain::Problem& problem);

}  // namespace kompas::web
