#pragma once
// Options shared by the survey commands: which file, which scale, which columns mean what.
#include <string>
#include <vector>

#include "cli/commands.h"
#include "domain/scales.h"
#include "domain/survey_file.h"

namespace kompas::cli {

struct SurveyFileArguments {
  std::string path, scale, weight, strata, by, age, age_bands, map, codes;
  bool lenient = false;
  int subscale_threshold = domain::ScaleThresholds{}.djg11_subscale;

  domain::ScaleThresholds thresholds() const {
    domain::ScaleThresholds t;
    t.djg11_subscale = subscale_threshold;
    return t;
  }
};

// FILE, --scale, --weight, --strata, --age, --age-bands, --map, --codes, --lenient,
// --subscale-threshold.
void add_survey_file_options(CLI::App& command, SurveyFileArguments& arguments, const Texts& t);

// Checks the options and turns them into reading options; `by` holds the grouping columns and
// gets the age column added when age bands are asked for. Throws UserError.
domain::SurveyFileOptions survey_file_options(const SurveyFileArguments& arguments, const Texts& t);

// Reads the file; throws UserError listing the problems, and prints notices of --lenient to
// stderr.
domain::SurveyReadResult read_survey_file(std::string_view bytes,
                                          const domain::SurveyFileOptions& options,
                                          const std::string& path, const Texts& t);

}  // namespace kompas::cli
