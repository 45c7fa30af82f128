#include "domain/map_upkeep.h"

#include "domain/dates.h"
#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

bool is_stale(const MapService& service, const std::string& today) {
  // assured_date is a date; a date-time from a file compares by its date part.
  const auto assured = service.assured_date.substr(0, 10);
  return assured.empty() || assured < add_months(today, -kCheckMonths);
}

Completeness completeness(const MapService& s, const std::string& today) {
  const std::pair<const char*, bool> parts[] = {
      {"description", !s.description.empty()},
      {"how", !s.referral.how.empty()},
      {"reach", !s.referral.phone.empty() || !s.referral.email.empty()},
      {"schedule", s.has_schedule},
      {"address", s.has_address},
      {"terms", !s.term_ids.empty()},
      {"checked", !is_stale(s, today)},
  };
  Completeness out;
  int present = 0;
  for (const auto& [part, there] : parts) {
    if (there)
      ++present;
    else
      out.missing.push_back(part);
  }
  // Rounded to the nearest whole percent: 6 of 7 is 86 %.
  constexpr int kParts = static_cast<int>(std::size(parts));
  out.percent = (present * 200 + kParts) / (2 * kParts);
  return out;
}

FieldErrors validate(const CorrectionDraft& d) {
  FieldErrors errors;
  if (trim(d.message).empty()) errors["message"] = "error.required";
  check_length(errors, "message", d.message, kCorrectionLength);
  if (!trim(d.email).empty() && !is_valid_email(trim(d.email))) errors["email"] = "error.email";
  return errors;
}

}  // namespace kompas::domain
