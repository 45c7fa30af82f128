#pragma once
// Keeping the sociale kaart current (issue 13), the known pain of every sociale kaart: a service
// that nobody confirmed for 12 months is marked, and each service gets a completeness score so
// its owner sees what a frontline worker would miss.
#include <string>
#include <vector>

#include "domain/social_map.h"
#include "domain/validation.h"

namespace kompas::domain {

inline constexpr int kCheckMonths = 12;

// Not confirmed in the last 12 months (`assured_date` before today minus 12 months), or never.
bool is_stale(const MapService& service, const std::string& today);

// What a frontline worker needs to refer someone, each part counting the same: a description,
// how to refer, a phone number or e-mail address, opening times, an address, a term of a
// taxonomy (so filters find it) and a check within 12 months. `missing` names the parts not
// there ("description", "how", "reach", "schedule", "address", "terms", "checked"), in that order.
struct Completeness {
  int percent = 0;
  std::vector<std::string> missing;
};
Completeness completeness(const MapService& service, const std::string& today);

// "Dit klopt niet": what is wrong (required, at most 2,000 characters) and, if the sender wants
// an answer, an e-mail address.
struct CorrectionDraft {
  std::string message, email;
};
inline constexpr std::size_t kCorrectionLength = 2000;
FieldErrors validate(const CorrectionDraft& draft);

}  // namespace kompas::domain
