#pragma once
// The coalition (one per municipality) and its rules.
#include <string>

#include "domain/validation.h"

namespace kompas::domain {

struct Coalition {
  long long id = 0;
  std::string name;               // municipality name, e.g. "Gemeente Voorbeeld"
  std::string gemeente_code;      // CBS code GMxxxx
  std::string kartrekker;         // who pulls the coalition, usually the municipality
  std::string cycle_start;        // YYYY-MM-DD, start of the current cycle; may be empty
  int min_cell_size = 50;         // survey figures of fewer respondents are not shown (10..1000)
  bool public_dashboard = false;  // ambitions and indicators on a public page, off by default
  std::string plan_adopted_on;    // YYYY-MM-DD the plan was adopted; empty while a draft
  bool public_knowledge = false;  // the kennisbank on public pages, off by default
  bool public_map = false;        // the sociale kaart and its HSDS API public, off by default
  bool public_card = false;       // the gesprekskaart on a public page, off by default
  bool public_signals = false;    // the signaalpunt's form for anyone, off by default
};

FieldErrors validate(const Coalition& coalition);

}  // namespace kompas::domain
