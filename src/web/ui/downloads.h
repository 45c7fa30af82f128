#pragma once
// Tables for download, written as CSV for Excel (';' and decimal comma in Dutch) or as XLSX
// (libxlsxwriter): one model, two writers, so both hold exactly the same cells.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "web/core/app.h"

namespace kompas::web {

// Text someone of the coalition wrote (a name, a title, a description): Dutch whatever the
// interface's language, so a page marks it lang="nl" in English (WCAG 3.1.2).
struct Written {
  std::string text;
};

// Text of the interface, text people wrote, a number, or nothing (an empty cell).
using DownloadCell = std::variant<std::monostate, std::string, double, Written>;

// The text of a cell that holds text of either kind; null for a number or an empty cell.
const std::string* cell_text(const DownloadCell& cell);

struct DownloadTable {
  std::string name;  // file name without extension, and sheet name
  std::vector<std::string> header;
  std::vector<std::vector<DownloadCell>> rows;
};

std::string to_csv(const DownloadTable& table, Lang lang);
std::string to_xlsx(const DownloadTable& table);  // throws std::runtime_error on failure
// One sheet per table, named after it.
std::string to_xlsx(const std::vector<DownloadTable>& tables);

// The table as text cells for a page (templates/partials/plain_table): dates as people read
// them, numbers with the page's separators; `csv_href` is where the same table downloads.
nlohmann::json table_view(const Ctx& ctx, const DownloadTable& table, const std::string& caption,
                          const std::string& csv_href);

// Sends the table as an attachment in the asked format ("csv" or "xlsx").
void send_download(Ctx& ctx, const DownloadTable& table, const std::string& format);
// Sends the tables as one workbook, name.xlsx.
void send_workbook(Ctx& ctx, const std::string& name, const std::vector<DownloadTable>& tables);

}  // namespace kompas::web
