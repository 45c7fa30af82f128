#pragma once

// CBS areas (gemeente, wijk, buurt) and reading their key figures from a CSV file.
//
// Problem codes emitted by parse_area_csv, including those of decode_text and parse_csv.
// Messages leave out the place: the caller shows "Regel {line}" and "kolom {column}" in front
// when those are not 0. Cell problems also carry {column_name}, the header text of the column.
//
// problems.truncated {max}
//   nl: "Er zijn meer dan {max} fouten gevonden. Hier staan alleen de eerste {max}. Verbeter
//        die en probeer het opnieuw."
//   en: "More than {max} problems were found. Only the first {max} are shown. Fix those and
//        try again."
// text.binary
//   nl: "Dit is geen tekstbestand. Sla het bestand in Excel op als CSV en probeer het opnieuw."
//   en: "This is not a text file. Save the file in Excel as CSV and try again."
// text.utf16
//   nl: "Dit bestand is opgeslagen als Unicode-tekst (UTF-16). Sla het op als CSV UTF-8 en
//        probeer het opnieuw."
//   en: "This file is saved as Unicode text (UTF-16). Save it as CSV UTF-8 and try again."
// csv.empty
//   nl: "Het bestand is leeg. Er staat geen kopregel met kolomnamen in."
//   en: "The file is empty. It has no header row with column names."
// csv.unterminated_quote
//   nl: "Hier begint een tekst tussen aanhalingstekens (\"), maar het aanhalingsteken aan het
//        eind ontbreekt."
//   en: "A text in quotes (\") starts here, but the closing quote is missing."
// csv.field_count {expected, found}
//   nl: "Deze regel heeft {found} kolommen, maar de kopregel heeft er {expected}."
//   en: "This row has {found} columns, but the header row has {expected}."
// csv.duplicate_header {name, first_column}
//   nl: "De kolomnaam {name} staat twee keer in de kopregel. Hij staat ook in kolom
//        {first_column}."
//   en: "The column name {name} appears twice in the header row. It is also in column
//        {first_column}."
// csv.empty_header
//   nl: "Deze kolom heeft geen naam in de kopregel."
//   en: "This column has no name in the header row."
// csv.too_many_columns {max}
//   nl: "Het bestand heeft meer dan {max} kolommen. Dat is te veel."
//   en: "The file has more than {max} columns. That is too many."
// csv.field_too_long {max}
//   nl: "In deze cel staat te veel tekst (meer dan {max} bytes)."
//   en: "This cell holds too much text (more than {max} bytes)."
// csv.too_many_rows {max}
//   nl: "Het bestand heeft meer dan {max} regels. Dat is te veel."
//   en: "The file has more than {max} rows. That is too many."
// areas.bad_gemeente_code {value}
//   nl: "De gemeentecode {value} is niet geldig. Een gemeentecode is GM met 4 cijfers."
//   en: "The municipality code {value} is not valid. It must be GM followed by 4 digits."
// areas.missing_code_column {expected}
//   nl: "Er is geen kolom met de code van het gebied. Geef die kolom een van deze namen:
//        {expected}."
//   en: "There is no column with the area code. Give that column one of these names:
//        {expected}."
// areas.missing_name_column {expected}
//   nl: "Er is geen kolom met de naam van het gebied. Geef die kolom een van deze namen:
//        {expected}."
//   en: "There is no column with the area name. Give that column one of these names:
//        {expected}."
// areas.missing_household_column {column, expected}
//   nl: "Kolom {column} is een percentage van alle huishoudens. Voeg ook een kolom toe met het
//        aantal huishoudens: {expected}."
//   en: "Column {column} is a percentage of all households. Also add a column with the number
//        of households: {expected}."
// areas.empty_code
//   nl: "Op deze regel staat geen code van een gebied."
//   en: "This row has no area code."
// areas.bad_code {value}
//   nl: "Code {value} is geen geldige CBS-code (GM0000, WK000000 of BU00000000)."
//   en: "Code {value} is not a valid CBS code (GM0000, WK000000 or BU00000000)."
// areas.code_without_prefix {value}
//   nl: "Code {value} is alleen een getal. Zet GM, WK of BU ervoor. Of voeg een kolom 'recs'
//        toe met Gemeente, Wijk of Buurt."
//   en: "Code {value} is only a number. Put GM, WK or BU in front of it. Or add a column
//        'recs' with Gemeente, Wijk or Buurt."
// areas.bad_level {value}
//   nl: "Soort gebied {value} kennen we niet. Gebruik Gemeente, Wijk of Buurt."
//   en: "Area type {value} is unknown. Use Gemeente, Wijk or Buurt."
// areas.level_mismatch {code, level}
//   nl: "Code {code} past niet bij soort gebied {level}. GM is een gemeente, WK een wijk en BU
//        een buurt."
//   en: "Code {code} does not match area type {level}. GM is a municipality, WK a district
//        and BU a neighbourhood."
// areas.duplicate_code {code, first_line}
//   nl: "Code {code} staat twee keer in het bestand. Hij staat ook op regel {first_line}."
//   en: "Code {code} appears twice in the file. It is also on row {first_line}."
// areas.empty_name {code}
//   nl: "Gebied {code} heeft geen naam."
//   en: "Area {code} has no name."
// areas.name_too_long {code, max}
//   nl: "De naam van gebied {code} is te lang. Gebruik hoogstens {max} tekens."
//   en: "The name of area {code} is too long. Use at most {max} characters."
// areas.bad_number {value, column_name}
//   nl: "{value} is geen getal dat we kunnen lezen. Schrijf bijvoorbeeld 12345, 12.345 of 17,5.
//        Laat de cel leeg als u het getal niet weet."
//   en: "{value} is not a number we can read. Write for example 12345, 12.345 or 17,5. Leave
//        the cell empty if you do not know the number."
// areas.not_whole_number {value, column_name}
//   nl: "In kolom {column_name} hoort een heel aantal, zonder komma. Er staat {value}."
//   en: "Column {column_name} needs a whole number, without decimals. It holds {value}."
// areas.negative_number {value, column_name}
//   nl: "Het aantal {value} in kolom {column_name} is kleiner dan 0. Dat kan niet."
//   en: "The number {value} in column {column_name} is below 0. That is not possible."
// areas.bad_percentage {value, column_name}
//   nl: "Het percentage {value} in kolom {column_name} ligt niet tussen 0 en 100."
//   en: "The percentage {value} in column {column_name} is not between 0 and 100."
// areas.more_65plus_than_inhabitants {code, value, inhabitants}
//   nl: "Gebied {code} heeft meer inwoners van 65 jaar of ouder ({value}) dan inwoners in
//        totaal ({inhabitants})."
//   en: "Area {code} has more inhabitants aged 65 or over ({value}) than inhabitants in total
//        ({inhabitants})."
// areas.more_one_person_households_than_inhabitants {code, value, inhabitants}
//   nl: "Gebied {code} heeft meer eenpersoonshuishoudens ({value}) dan inwoners
//        ({inhabitants})."
//   en: "Area {code} has more one-person households ({value}) than inhabitants
//        ({inhabitants})."
// areas.unknown_parent {code, parent}
//   nl: "Buurt {code} hoort bij wijk {parent}. Die wijk staat niet in het bestand en is ook
//        nog niet bekend. Zet de wijk in het bestand."
//   en: "Neighbourhood {code} belongs to district {parent}. That district is not in the file
//        and is not known yet. Add the district to the file."
// areas.no_rows {gemeente, skipped}
//   nl: "In het bestand staat geen gebied van gemeente {gemeente}. Er staan {skipped} regels
//        van andere gemeenten in. Kies het bestand van de goede gemeente."
//   en: "The file has no area of municipality {gemeente}. It has {skipped} rows of other
//        municipalities. Choose the file of the right municipality."

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/numbers.h"
#include "domain/problem.h"

namespace kompas::domain {

enum class AreaLevel { gemeente, wijk, buurt };

// Trims white space and upper-cases ASCII: " wk036301 " -> "WK036301".
std::string normalise_area_code(std::string_view code);

// "gemeente", "wijk" or "buurt": how a level is stored and named in message keys.
std::string area_level_name(AreaLevel level);

// Exactly GM + 4 digits, WK + 6 digits or BU + 8 digits, upper case; anything else nullopt.
std::optional<AreaLevel> area_level(std::string_view code);

// BU12345678 -> WK123456, WK123456 -> GM1234; "" for a gemeente or an invalid code.
std::string parent_code(std::string_view code);

// True when `code` is a valid code inside gemeente `gm_code` (the gemeente itself included).
bool belongs_to_gemeente(std::string_view code, std::string_view gm_code);

// Counts; nullopt when the source does not know them (empty cell, CBS "." for secret).
struct AreaFigures {
  std::optional<long long> inhabitants;
  std::optional<long long> inhabitants_65plus;
  std::optional<long long> one_person_households;

  bool operator==(const AreaFigures&) const = default;
};

struct AreaRecord {
  std::string code;
  std::string name;
  AreaLevel level = AreaLevel::gemeente;
  std::string parent_code;  // "" for the gemeente
  AreaFigures figures;
  std::size_t line = 0;  // line in the file, for messages after the import
};

struct AreaImport {
  std::vector<AreaRecord> areas;           // only rows without problems; gemeente, wijken, buurten
  std::vector<Problem> problems;           // store nothing unless this is empty
  std::size_t skipped_other_gemeente = 0;  // rows of other gemeenten and of Nederland (NL00)
};

// Longest area name accepted, in characters.
inline constexpr std::size_t max_area_name_length = 200;

// Reads a CSV file of areas for one gemeente: CBS "Kerncijfers wijken en buurten" (the kwb
// download, or StatLine's CSV export) or an own file with columns code;naam;... .
// Columns are found by name, ignoring case, spaces and a unit in brackets. `existing_codes`
// holds the codes already stored, so a file with only buurten may refer to known wijken.
// Rows are returned sorted by level and code, so a store can insert parents first.
AreaImport parse_area_csv(std::string_view file_bytes, std::string_view gemeente_code,
                          const std::set<std::string>& existing_codes);

// True for the cells CBS and people use for "not known": "", ".", "-", "x", "?".
bool is_unknown_value(std::string_view text);

}  // namespace kompas::domain
