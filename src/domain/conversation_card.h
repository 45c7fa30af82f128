#pragma once
// The gesprekskaart (issue 13): a small card to print for everyone who meets lonely people, with
// the signals, how to start the conversation and where to refer. Which services of the sociale
// kaart it names is decided here.
#include <string>
#include <vector>

#include "domain/social_map.h"

namespace kompas::domain {

// What fits on the back of an A6 card beside the conversation rules and the QR code.
inline constexpr std::size_t kCardServices = 4;

// The services the card names, at most kCardServices:
// - for a wijk, the best for that wijk;
// - otherwise those the beheerder chose (in the chosen order; ones gone from the kaart or no
//   longer active are skipped), or, when none are chosen, the best for the whole gemeente.
// "Best": services meant for the place before services for everyone, those with a phone number
// (what a frontline worker needs at a front door) before others, then by name.
std::vector<const MapService*> card_services(const SocialMap& map,
                                             const std::vector<std::string>& chosen,
                                             const std::string& area_code);

}  // namespace kompas::domain
