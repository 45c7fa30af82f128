#pragma once
// The services of the sociale kaart that the beheerder chose for the gesprekskaart (issue 13),
// in the order they were added. The card itself is drawn from the kaart
// (domain/conversation_card.h).
#include <string>
#include <vector>

#include "store/change.h"

namespace kompas::store {

std::vector<std::string> card_service_ids(soci::session& sql, long long coalition_id);

// Adds the service at the end. False, and nothing written, when the card already names
// domain::kCardServices services or this one.
bool add_card_service(Change& change, const std::string& service_id, const std::string& name);

void remove_card_service(Change& change, const std::string& service_id, const std::string& name);

}  // namespace kompas::store
