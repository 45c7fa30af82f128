#include "web/ui/downloads.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "domain/csv_write.h"
#include "domain/numbers.h"

namespace kompas::web {

namespace {

// Text cells are always quoted and numbers never, so a reader tells them apart.
std::string quoted(const std::string& text, char separator) {
  return domain::csv_text_cell(text, separator, domain::CsvQuote::always);
}

// Removes the file when it goes out of scope, whatever happens.
struct TemporaryFile {
  std::string path;
  TemporaryFile() {
    std::string pattern = "/tmp/kompas-download-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("no temporary file for the download");
    ::close(fd);
    path = pattern;
  }
  ~TemporaryFile() { std::remove(path.c_str()); }
};

void add_sheet(lxw_workbook* workbook, lxw_format* bold, const DownloadTable& table) {
  const std::string sheet_name = table.name.substr(0, 31);  // Excel's limit
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  for (std::size_t c = 0; c < table.header.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      if (const auto* text = cell_text(table.rows[r][c]))
        worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
      else if (const auto* number = std::get_if<double>(&table.rows[r][c]))
        worksheet_write_number(sheet, row, col, *number, nullptr);
    }
  }
  worksheet_set_column(sheet, 0, 0, 28, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
}

}  // namespace

const std::string* cell_text(const DownloadCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return text;
  if (const auto* written = std::get_if<Written>(&cell)) return &written->text;
  return nullptr;
}

std::string to_csv(const DownloadTable& table, Lang lang) {
  const char sep = lang == Lang::nl ? ';' : ',';
  std::string out = "\xEF\xBB\xBF";  // Excel reads UTF-8 only with a byte order mark
  for (std::size_t i = 0; i < table.header.size(); ++i)
    out += (i ? std::string(1, sep) : "") + quoted(table.header[i], sep);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += sep;
      if (const auto* text = cell_text(row[i])) {
        out += quoted(*text, sep);
      } else if (const auto* number = std::get_if<double>(&row[i])) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.10g", *number);
        std::string n = buffer;
        if (lang == Lang::nl) std::replace(n.begin(), n.end(), '.', ',');
        out += n;
      }
    }
    out += "\r\n";
  }
  return out;
}

std::string to_xlsx(const DownloadTable& table) {
  return to_xlsx(std::vector<DownloadTable>{table});
}

std::string to_xlsx(const std::vector<DownloadTable>& tables) {
  const TemporaryFile file;  // libxlsxwriter 1.1.4 writes only to files
  lxw_workbook* workbook = workbook_new(file.path.c_str());
  if (!workbook) throw std::runtime_error("cannot create the workbook");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (const auto& table : tables) add_sheet(workbook, bold, table);
  if (workbook_close(workbook) != LXW_NO_ERROR)
    throw std::runtime_error("cannot write the workbook");
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void send_workbook(Ctx& ctx, const std::string& name, const std::vector<DownloadTable>& tables) {
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
  ctx.res.set_content(to_xlsx(tables),
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

void send_download(Ctx& ctx, const DownloadTable& table, const std::string& format) {
  const bool xlsx = format == "xlsx";
  ctx.res.set_header("Content-Disposition",
                     "attachment; filename=\"" + table.name + (xlsx ? ".xlsx" : ".csv") + "\"");
  if (xlsx) {
    ctx.res.set_content(to_xlsx(table),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  } else {
    ctx.res.set_content(to_csv(table, ctx.lang), "text/csv; charset=utf-8");
  }
}

// From this many columns a table prints on a landscape page (assets/kompas.css): on a portrait
// A4 its columns would be narrower than their words.
constexpr std::size_t wide_table_columns = 7;

nlohmann::json table_view(const Ctx& ctx, const DownloadTable& table, const std::string& caption,
                          const std::string& csv_href) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& cell : row) {
      if (const auto* text = cell_text(cell))  // dates as people read them
        cells.push_back({{"text", ctx.date(*text)},
                         {"numeric", false},
                         {"written", std::holds_alternative<Written>(cell)}});
      else if (const auto* number = std::get_if<double>(&cell))
        // Thousands grouped from five digits on ("85.000"), so years stay "2027".
        cells.push_back(
            {{"text", std::fabs(*number) >= 10000
                          ? domain::format_grouped(*number, ctx.decimal_separator(), 2)
                          : domain::format_decimal(*number, ctx.decimal_separator(), 2)},
             {"numeric", true}});
      else
        cells.push_back({{"text", ""}, {"numeric", false}});
    }
    rows.push_back({{"cells", cells}});
  }
  return {{"caption", caption},
          {"header", table.header},
          {"rows", rows},
          {"empty", rows.empty()},
          {"wide", table.header.size() >= wide_table_columns},
          {"csv", csv_href}};
}

}  // namespace kompas::web
