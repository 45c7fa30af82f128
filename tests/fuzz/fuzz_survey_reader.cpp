// libFuzzer target: any bytes given to the survey reader (and so to the text decoder, the CSV
// reader and the answer parser) end in data or in problems, never in a crash, a hang or a
// sanitizer report. Built with clang by tests/fuzz/run.sh.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/csv.h"
#include "domain/survey_file.h"

namespace {

using namespace kompas::domain;

void check_result(const SurveyReadResult& result) {
  if (!result.ok()) {
    if (result.data.respondents != 0) __builtin_trap();  // errors hand out no data
    return;
  }
  const SurveyData& d = result.data;
  if (d.answers.size() != d.respondents * d.items) __builtin_trap();
  for (const auto& group : d.groups)
    for (const auto id : group.ids)
      if (id != CategoryColumn::no_value && id >= group.values.size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const auto variants = [] {
    std::vector<Problem> problems;
    SurveyFileOptions plain;
    SurveyFileOptions designed;
    designed.weight_column = "weging";
    designed.strata_column = "stratum";
    designed.group_columns = {"wijk", "leeftijd"};
    designed.age_column = "leeftijd";
    designed.age_bands = *parse_age_bands("18-64,65-74,75+", problems);
    designed.two_threads_from = 64;  // the split and merge are fuzzed too
    SurveyFileOptions lenient_ucla;
    lenient_ucla.scale = Scale::ucla3;
    lenient_ucla.lenient = true;
    lenient_ucla.group_columns = {"wijk"};
    SurveyFileOptions coded_djg6;
    coded_djg6.scale = Scale::djg6;
    coded_djg6.codes = *parse_answer_codes("1=ja,2=min of meer,3=nee", problems);
    return std::array<SurveyFileOptions, 4>{plain, designed, lenient_ucla, coded_djg6};
  }();
  for (const auto& options : variants) check_result(read_survey(bytes, options));
  std::vector<Problem> problems;
  parse_csv(bytes, problems,
            CsvLimits{.max_columns = 200, .max_field_bytes = 4096, .max_rows = 10'000});
  AnswerParser parser(Scale::djg11);
  parser.parse(bytes.substr(0, 64));
  return 0;
}
