#pragma once
// The signaalpunt (issue 13): a worry about a resident, passed by someone who noticed it, reaches
// the partner that covers the resident's wijk, whose staff log what they do. The resident's
// privacy comes first: what could name a person is sealed by the store, only the receiving
// partner's staff read it, and it is erased a set time after the signal is closed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/people.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

// The five kinds of signal (evidence.md), and what anyone sees from outside a home.
// The gesprekskaart names them with the same words ("signal.kind.<word>" and its examples).
enum class SignalKind { lichaam, gevoel, contacten, gedrag, gebeurtenis, buiten };
template <>
struct Words<SignalKind> {
  static constexpr std::array<std::string_view, 6> list{"lichaam", "gevoel",      "contacten",
                                                        "gedrag",  "gebeurtenis", "buiten"};
};

// Whether the resident knows about the signal and agrees to a partner getting in touch.
enum class Consent { akkoord, weet_niet_akkoord, weet_het_niet };
template <>
struct Words<Consent> {
  static constexpr std::array<std::string_view, 3> list{"akkoord", "weet_niet_akkoord",
                                                        "weet_het_niet"};
};

enum class SignalStatus { nieuw, contact_gelegd, doorverwezen, afgesloten };
template <>
struct Words<SignalStatus> {
  static constexpr std::array<std::string_view, 4> list{"nieuw", "contact_gelegd", "doorverwezen",
                                                        "afgesloten"};
};

// `verlopen` is never chosen: the signaalpunt closes a signal itself when no one took a step
// for kSignalIdleDays.
enum class CloseReason { hulp_gevonden, wil_geen_hulp, niet_bereikt, al_bekend, anders, verlopen };
template <>
struct Words<CloseReason> {
  static constexpr std::array<std::string_view, 6> list{
      "hulp_gevonden", "wil_geen_hulp", "niet_bereikt", "al_bekend", "anders", "verlopen"};
};

inline constexpr std::size_t kSignalNoteLength = 1000;
inline constexpr std::size_t kSignalNameLength = 200;

// What someone passes. `wijk` is a wijk code of the coalition, `postcode` four digits (letters
// may follow); one of them is needed. The last six fields are personal and are sealed.
struct SignalDraft {
  std::string wijk, postcode;
  std::vector<SignalKind> kinds;
  std::string consent;  // a Consent word
  std::string note, resident_name, resident_address;
  std::string reporter_name, reporter_phone, reporter_email;
};

// Checks and tidies the draft (postcode to its four digits, text trimmed). Field errors name
// form fields; "kinds" when no kind is ticked, "wijk" when neither wijk nor postcode is given.
FieldErrors validate(SignalDraft& draft);

// Which partner receives a signal: the beheerder's table names a partner per postcode (four
// digits), per wijk code, and one for the rest ("" as area).
struct SignalRoute {
  long long id = 0;
  std::string area;  // "", a wijk code (WK…) or four postcode digits
  long long partner_id = 0;
};
enum class RouteArea { rest, wijk, postcode };
RouteArea route_area(const std::string& area);

// The most specific route: the postcode's, else the wijk's, else the one for the rest of the
// gemeente, so a postcode without a route of its own always finds one when the rest has one.
// Only without any route for it is the postcode unknown, and the form asks for the wijk.
struct RouteChoice {
  std::optional<long long> partner_id;
  bool unknown_postcode = false;
};
RouteChoice choose_route(const std::vector<SignalRoute>& routes, const std::string& wijk,
                         const std::string& postcode);

// A step in handling a signal. Referring needs the service it referred to (from the sociale
// kaart), closing a reason; a closed signal takes no more steps and "nieuw" is never a step.
struct SignalStep {
  std::string status;   // a SignalStatus word
  std::string service;  // the sociale kaart's service id, for doorverwezen
  std::string reason;   // a CloseReason word, for afgesloten
  std::string note;
};
FieldErrors validate(SignalStep& step, SignalStatus current);
// A signal's status never goes back: a contact after a referral is logged as a step, and the
// signal stays referred.
SignalStatus status_after(SignalStatus current, SignalStatus step);

// Only the staff of the partner that received it read a signal: not the beheerder of another
// partner, not a lezer, not another partner.
bool may_read_signal(const Person& person, long long receiving_partner_id);

// Personal fields are erased this long after a signal was closed; counts stay.
inline constexpr int kSignalRetentionDays = 183;  // half a year
// An open signal without a step for this long is closed by the signaalpunt (reason verlopen),
// so what names a person is not kept for ever when no one closes it; from kSignalIdleWarningDays
// without a step the receiving partner sees when that will happen.
inline constexpr int kSignalIdleDays = 183;
inline constexpr int kSignalIdleWarningDays = 90;

// The counts the coalition sees (and the plan will take as activity indicators): signals per
// wijk per quarter, days to the first contact, the share referred, and the share of closed
// signals about someone no partner knew yet (of those closed by a partner: one that closed by
// itself tells nothing). Times in seconds; 0 for not yet.
struct SignalFact {
  std::string wijk, quarter;  // quarter as "2026-K4"
  std::string close_reason;
  long long created_at = 0, first_contact_at = 0, referred_at = 0, closed_at = 0;
};
struct SignalFigures {
  int total = 0, closed = 0;
  std::map<std::pair<std::string, std::string>, int> per_wijk_quarter;  // (wijk, quarter)
  std::optional<double> median_days_to_contact, share_referred, share_not_known;
};
SignalFigures signal_figures(const std::vector<SignalFact>& facts);
// The yearly values of a signaalpunt indicator (domain/indicators.h) for one measure, over the
// signals of one wijk ("" for all), by the year they came in; a year without what a measure
// needs (no contact yet, nothing closed) has no value.
std::map<int, double> signal_yearly_values(const std::vector<SignalFact>& facts,
                                           const std::string& measure, const std::string& wijk);

// "2026-K4" for a date "2026-11-30".
std::string quarter_of(const std::string& iso_date);

// A reporter's code to follow the status: eight characters without look-alikes, shown as
// "ABCD-EFGH". `normalise_code` reads what someone types back (case, spaces, dashes).
std::string format_signal_code(const std::string& eight);
std::string normalise_signal_code(std::string_view typed);
inline constexpr std::string_view kSignalCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

}  // namespace kompas::domain
