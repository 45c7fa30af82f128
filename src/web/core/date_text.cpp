#include "web/core/date_text.h"

#include "domain/validation.h"

namespace kompas::web {

std::string date_text(const Catalogue& catalogue, Lang lang, const std::string& iso) {
  if (!domain::is_valid_date(iso)) return iso;
  return std::to_string(std::stoi(iso.substr(8, 2))) + " " +
         catalogue.text(lang, "month." + std::to_string(std::stoi(iso.substr(5, 2)))) + " " +
         iso.substr(0, 4);
}

}  // namespace kompas::web
