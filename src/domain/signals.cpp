#include "domain/signals.h"

#include <algorithm>
#include <cctype>

#include "domain/social_map.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "domain/validation.h"

namespace kompas::domain {

FieldErrors validate(SignalDraft& d) {
  FieldErrors errors;
  for (auto* text : {&d.wijk, &d.postcode, &d.note, &d.resident_name, &d.resident_address,
                     &d.reporter_name, &d.reporter_phone, &d.reporter_email})
    *text = trim(*text);
  if (!d.postcode.empty()) {
    if (const auto digits = read_postcode(d.postcode))
      d.postcode = *digits;
    else
      errors["postcode"] = "error.postcode";
  }
  if (d.wijk.empty() && d.postcode.empty()) errors["wijk"] = "signal.error.where";
  if (d.kinds.empty()) errors["kinds"] = "signal.error.kinds";
  if (!parse_word<Consent>(d.consent)) errors["consent"] = "error.choose";
  for (const auto& [field, text] : {std::pair{"resident_name", &d.resident_name},
                                    std::pair{"resident_address", &d.resident_address},
                                    std::pair{"reporter_name", &d.reporter_name}})
    check_length(errors, field, *text, kSignalNameLength);
  if (!d.reporter_phone.empty() && !is_valid_phone(d.reporter_phone))
    errors["reporter_phone"] = "error.phone";
  if (!d.reporter_email.empty() && !is_valid_email(d.reporter_email))
    errors["reporter_email"] = "error.email";
  check_length(errors, "reporter_phone", d.reporter_phone, text_limit::phone);
  check_length(errors, "reporter_email", d.reporter_email, text_limit::email);
  check_length(errors, "note", d.note, kSignalNoteLength);
  return errors;
}

RouteArea route_area(const std::string& area) {
  if (area.empty()) return RouteArea::rest;
  return area.starts_with("WK") ? RouteArea::wijk : RouteArea::postcode;
}

RouteChoice choose_route(const std::vector<SignalRoute>& routes, const std::string& wijk,
                         const std::string& postcode) {
  const auto find = [&](const std::string& area) -> std::optional<long long> {
    for (const auto& r : routes)
      if (r.area == area) return r.partner_id;
    return std::nullopt;
  };
  RouteChoice out;
  if (!postcode.empty()) out.partner_id = find(postcode);
  if (!out.partner_id && !wijk.empty()) out.partner_id = find(wijk);
  if (!out.partner_id) out.partner_id = find("");
  out.unknown_postcode = !out.partner_id && !postcode.empty() && wijk.empty();
  return out;
}

FieldErrors validate(SignalStep& step, SignalStatus current) {
  FieldErrors errors;
  step.note = trim(step.note);
  const auto status = parse_word<SignalStatus>(step.status);
  if (current == SignalStatus::afgesloten || !status || *status == SignalStatus::nieuw) {
    errors["status"] = "error.choose";
    return errors;
  }
  if (*status == SignalStatus::doorverwezen && step.service.empty())
    errors["service"] = "signal.error.service";
  if (*status != SignalStatus::doorverwezen) step.service.clear();
  const auto reason = parse_word<CloseReason>(step.reason);
  if (*status == SignalStatus::afgesloten && (!reason || *reason == CloseReason::verlopen))
    errors["reason"] = "signal.error.reason";
  if (*status != SignalStatus::afgesloten) step.reason.clear();
  check_length(errors, "note", step.note, kSignalNoteLength);
  return errors;
}

SignalStatus status_after(SignalStatus current, SignalStatus step) {
  return std::max(current, step);  // the words are listed in the order a signal goes
}

bool may_read_signal(const Person& person, long long receiving_partner_id) {
  return person.active && person.role != Role::lezer && person.partner_id &&
         *person.partner_id == receiving_partner_id;
}

SignalFigures signal_figures(const std::vector<SignalFact>& facts) {
  SignalFigures out;
  std::vector<double> days;
  int referred = 0, not_known = 0, known_or_not = 0;
  for (const auto& f : facts) {
    ++out.total;
    ++out.per_wijk_quarter[{f.wijk, f.quarter}];
    if (f.first_contact_at) days.push_back((f.first_contact_at - f.created_at) / 86400.0);
    if (f.referred_at) ++referred;
    if (f.closed_at) {
      ++out.closed;
      // A signal that closed by itself says nothing about whether a partner knew the resident.
      if (f.close_reason == word(CloseReason::verlopen)) continue;
      ++known_or_not;
      if (f.close_reason != word(CloseReason::al_bekend)) ++not_known;
    }
  }
  if (!days.empty()) {
    std::sort(days.begin(), days.end());
    const auto n = days.size();
    out.median_days_to_contact = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
  }
  if (out.total) out.share_referred = static_cast<double>(referred) / out.total;
  if (known_or_not) out.share_not_known = static_cast<double>(not_known) / known_or_not;
  return out;
}

std::map<int, double> signal_yearly_values(const std::vector<SignalFact>& facts,
                                           const std::string& measure, const std::string& wijk) {
  std::map<int, std::vector<SignalFact>> by_year;
  for (const auto& f : facts)
    if ((wijk.empty() || f.wijk == wijk) && f.quarter.size() >= 4)
      by_year[std::stoi(f.quarter.substr(0, 4))].push_back(f);
  std::map<int, double> out;
  for (const auto& [year, list] : by_year) {
    const auto figures = signal_figures(list);
    std::optional<double> value;
    if (measure == "aantal") value = figures.total;
    if (measure == "dagen_tot_contact") value = figures.median_days_to_contact;
    if (measure == "aandeel_doorverwezen") value = figures.share_referred;
    if (measure == "aandeel_onbekend") value = figures.share_not_known;
    if (value) out[year] = measure.starts_with("aandeel_") ? *value * 100 : *value;
  }
  return out;
}

std::string quarter_of(const std::string& iso_date) {
  if (iso_date.size() < 7) return "";
  const int month = std::stoi(iso_date.substr(5, 2));
  return iso_date.substr(0, 4) + "-K" + std::to_string((month - 1) / 3 + 1);
}

std::string format_signal_code(const std::string& eight) {
  return eight.substr(0, 4) + "-" + eight.substr(4);
}

std::string normalise_signal_code(std::string_view typed) {
  std::string out;
  for (const unsigned char c : typed)
    if (std::isalnum(c)) out += static_cast<char>(std::toupper(c));
  return out.size() > 32 ? "" : out;
}

}  // namespace kompas::domain
