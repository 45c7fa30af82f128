#pragma once
// Indicators of an ambition, of three kinds:
//   bevolking  (population): a survey indicator in a domain (area, age band); every survey
//              adds a value by itself, published figures for the area too;
//   activiteit (activity measure): one of the three questions of Results-Based Accountability
//              (hoeveel doen we, hoe goed doen we het, is iemand er beter van geworden), with
//              values entered per year by hand or from CSV;
//   deskundigheid (training coverage): RBA's "hoe goed", its yearly values the training
//              register's coverage: frontline workers trained and still valid out of all;
//   signaalpunt (an activity measure from the signaalpunt): per year, for the gemeente or a
//              wijk, the signals that came in, the median days to the first contact, the
//              share referred, or the share of closed ones no partner knew yet.
// Percentages are kept as percent (0..100), as people type them.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/indicator_status.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

struct Indicator {
  long long id = 0;
  long long ambition_id = 0;
  std::string name;
  std::string kind = "bevolking";
  std::string question;  // activiteit: hoeveel, hoe_goed, beter_af
  std::string unit = "procent";
  Polarity polarity = Polarity::lower_is_better;
  std::string survey_indicator;  // bevolking: eenzaam, ernstig_eenzaam, ...
  std::string area_code;         // bevolking: '' is the whole municipality
  std::string age_band;          // bevolking: '' is every age, else a band such as "75+"
  std::string signal_measure;    // signaalpunt: one of signal_measures()
  std::optional<double> baseline_value;
  std::string baseline_date;  // YYYY-MM-DD
  std::string baseline_source;
  std::map<int, double> targets;   // per year
  std::map<int, double> forecast;  // "if nothing changes", entered by hand (else a trend line)
};

// A value entered by hand or read from a CSV file.
struct EnteredValue {
  int year = 0;
  double value = 0;
  std::string comment, source;
};

const std::vector<std::string>& indicator_kinds();         // bevolking, activiteit, deskundigheid
const std::vector<std::string>& rba_questions();           // hoeveel, hoe_goed, beter_af
const std::vector<std::string>& indicator_units();         // procent, aantal, euro, uren
const std::vector<std::string>& survey_indicator_names();  // every indicator a survey yields
// aantal, dagen_tot_contact, aandeel_doorverwezen, aandeel_onbekend; each with its unit and its
// question of Results-Based Accountability.
const std::vector<std::string>& signal_measures();
std::string signal_measure_unit(const std::string& measure);
std::string signal_measure_question(const std::string& measure);

template <>
struct Words<Polarity> {
  static constexpr std::array<std::string_view, 2> list{"lager", "hoger"};
};

// `known_areas`: the coalition's area codes.
FieldErrors validate(const Indicator& indicator, const std::set<std::string>& known_areas);
// A measured value is for a year that has begun (never after `this_year`), fits the unit (0 to
// 100 for a percentage, 0 or more otherwise) and is a whole number for a count ("aantal").
FieldErrors validate(const EnteredValue& value, const std::string& unit, int this_year);

// The baseline as the first milestone of the path, then the targets: the path the status is
// measured against. Without a baseline value, the first measurement serves (marked on the page);
// without either the path is empty, so a target is never taken for a baseline.
std::vector<Milestone> indicator_path(const Indicator& indicator,
                                      const std::vector<Measurement>& measurements);

// The first year whose value counts as "after the baseline". A value per year stands for the
// end of that year, so a value of the baseline's own year counts when the baseline was dated
// before 31 December (baseline 1 January 2025, value for 2025: it counts). A baseline taken
// from the first measurement is that year's value, so only later years count; so is an entered
// baseline that is its year's measurement as shown (the same to shown_decimals): a figure is
// never compared with itself.
int first_year_after_baseline(const Indicator& indicator, const std::vector<Milestone>& path,
                              const std::vector<Measurement>& measurements = {});

// How many decimals a value of the unit is shown with: one for a percentage, two otherwise.
// Comparisons people read ("beter", "gelijk") are made at this precision, so a change shown as
// 0,0 is never called better.
int shown_decimals(const std::string& unit);

// The values the indicator's unit allows: 0..100 for a percentage, 0 or more otherwise.
ValueRange value_range(const std::string& unit);

// Targets that lie on the worse side of the baseline (or of the first measurement when there
// is no baseline), by the indicator's polarity: years whose target asks for a decline.
std::vector<int> targets_worse_than_start(const Indicator& indicator,
                                          const std::vector<Milestone>& path);

}  // namespace kompas::domain
