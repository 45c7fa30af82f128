// The sociale kaart's files (issue 13): the beheerder reads in HSDS files — JSON, NDJSON, the
// CSV files of a data package or a ZIP of them — all or nothing, and everyone signed in
// downloads the kaart as NDJSON or as the tabular data package.
#include <atomic>

#include "domain/hsds_read.h"
#include "domain/hsds_write.h"
#include "domain/text.h"
#include "store/hsds_store.h"
#include "web/deskundigheid/map_views.h"
#include "web/deskundigheid/pages.h"
#include "web/ui/problems.h"
#include "web/ui/zip_archive.h"

namespace kompas::web {
namespace {

const std::vector<FieldSpec> kFileFields = {
    {"bestanden", "map.files", FieldKind::files, true, "map.files_hint", {}, ""}};

constexpr const char* kFilesPage = "/deskundigheid/kaart/bestanden";

bool ends_with(const std::string& name, std::string_view suffix) {
  return name.size() >= suffix.size() &&
         domain::lower_ascii(name.substr(name.size() - suffix.size())) == suffix;
}

FormPage files_form(Ctx& ctx) {
  return {ctx.t("map.import_title"), kFilesPage,          "/deskundigheid/kaart",
          ctx.t("map.import_intro"), "map.import_submit", true};
}

void files_page(Ctx& ctx) {
  const auto& c = ctx.me().coalition;
  ctx.page("deskundigheid/map_files", ctx.t("map.files_title"),
           {{"csrf", ctx.me().csrf_token},
            {"fields", form_fields(ctx, kFileFields, {{"bestanden", ""}}, {})},
            {"api_href", "/api/hsds/" + c.gemeente_code + "/"}});
}

// A problem of an HSDS file as one sentence, its place first: "services.csv, regel 3, kolom 8:".
std::string hsds_problem_text(Ctx& ctx, const domain::Problem& problem) {
  auto params = problem.params;
  params["line"] = std::to_string(problem.line);
  params["column"] = std::to_string(problem.column);
  if (params.contains("table")) params["table_word"] = ctx.t("hsds.table." + params["table"]);
  if (params.contains("expected"))
    params["expected_word"] = ctx.t("hsds.expected." + params["expected"]);
  if (params.contains("format")) params["format_word"] = ctx.t("hsds.format." + params["format"]);
  std::string place = params["file"];
  if (problem.line > 0)
    place += (place.empty() ? "" : ", ") +
             ctx.tf(problem.column > 0 ? "hsds.place.line_column" : "hsds.place.line", params);
  if (!params["place"].empty())
    place += (place.empty() ? "" : ", ") + ctx.tf("hsds.place.at", params);
  const auto message = ctx.tf("problem." + problem.code, params);
  return place.empty() ? message : place + ": " + message;
}

// What was uploaded, read as HSDS: every file (a ZIP's files too) in one go, so a record that
// two files share is one record.
domain::hsds::ReadResult read_upload(Ctx& ctx, std::vector<std::string>& names) {
  std::map<std::string, std::string> files;
  std::vector<domain::Problem> problems;
  // Two files of one name would overwrite each other: refused, not half read.
  const auto add = [&](const std::string& name, std::string content) {
    if (!files.emplace(name, std::move(content)).second)
      domain::add_problem(problems, {0, 0, "hsds.same_name", {{"file", name}}});
  };
  UnzipLimits budget;  // for the whole upload, not per archive
  const auto range = ctx.req.files.equal_range("bestanden");
  for (auto it = range.first; it != range.second; ++it) {
    const auto& file = it->second;
    if (file.filename.empty() && file.content.empty()) continue;
    const auto name = file.filename.substr(file.filename.find_last_of("/\\") + 1);
    names.push_back(name);
    if (!ends_with(name, ".zip")) {
      add(name, file.content);
      continue;
    }
    auto unpacked = unzip_archive(file.content, budget);
    if (unpacked.problem != Unzipped::Problem::none) {
      domain::add_problem(
          problems,
          {0,
           0,
           unpacked.problem == Unzipped::Problem::too_big ? "hsds.zip_too_big" : "hsds.zip",
           {{"file", name}}});
      continue;
    }
    for (auto& [inner, content] : unpacked.files) {
      budget.max_total_bytes -= std::min(budget.max_total_bytes, content.size());
      add(inner, std::move(content));
    }
  }
  auto result = domain::hsds::read_files(store::hsds_spec(), files);
  if (!problems.empty()) {
    result.records.clear();
    for (auto& p : result.problems) domain::add_problem(problems, std::move(p));
    result.problems = std::move(problems);
  }
  return result;
}

// At most two imports read and check files at once: each may hold a few hundred megabytes.
// Another beheerder's import waits a minute rather than the server running out of memory.
class ImportSlot {
 public:
  ImportSlot() : taken_(running_.fetch_add(1) < kMaxImports) {}
  ~ImportSlot() { running_.fetch_sub(1); }
  ImportSlot(const ImportSlot&) = delete;
  ImportSlot& operator=(const ImportSlot&) = delete;
  bool taken() const { return taken_; }

 private:
  static constexpr int kMaxImports = 2;
  static inline std::atomic<int> running_{0};
  bool taken_;
};

void import_files(Ctx& ctx) {
  const ImportSlot slot;
  if (!slot.taken()) {
    ctx.res.set_header("Retry-After", "60");
    return ctx.error_page(503, "map.import_busy");
  }
  std::vector<std::string> names;
  auto result = read_upload(ctx, names);
  const nlohmann::json values = {{"bestanden", ""}};
  if (names.empty())
    return show_form_page(ctx, files_form(ctx), kFileFields, values,
                          {{"bestanden", "upload.error.file"}}, 422);
  if (!result.problems.empty()) {
    std::vector<std::string> texts;
    for (const auto& p : result.problems) texts.push_back(hsds_problem_text(ctx, p));
    return show_import_problems(ctx, files_form(ctx), kFileFields, values, texts);
  }
  std::string source;
  for (const auto& n : names) source += (source.empty() ? "" : ", ") + n;
  store::Change change(ctx.app.db(), ctx.actor());
  const auto saved = store::save_hsds_records(change, result.records, source.substr(0, 200));
  change.commit();
  ctx.redirect(std::string(kFilesPage) + "?melding=map_imported&nieuw=" +
               std::to_string(saved.added) + "&gewijzigd=" + std::to_string(saved.changed));
}

std::shared_ptr<const domain::SocialMap> current_map(Ctx& ctx) {
  return social_map(ctx.app, ctx.coalition_id());
}

void attachment(Ctx& ctx, const std::string& name) {
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
}

}  // namespace

void register_map_file_pages(App& app) {
  app.get(kFilesPage, Access::beheerder, files_page);
  app.post(kFilesPage, Access::beheerder, import_files);
  app.get("/deskundigheid/kaart/diensten.ndjson", Access::signed_in, [](Ctx& ctx) {
    attachment(ctx, "sociale-kaart-" + ctx.me().coalition.gemeente_code + ".ndjson");
    send_all_services(ctx, ctx.coalition_id());
  });
  app.get("/deskundigheid/kaart/datapakket.zip", Access::signed_in, [](Ctx& ctx) {
    const auto map = current_map(ctx);
    const auto& c = ctx.me().coalition;
    auto files = domain::hsds::write_tabular(map->directory());
    files["datapackage.json"] =
        domain::hsds::datapackage(store::hsds_spec(),
                                  "sociale-kaart-" + domain::lower_ascii(c.gemeente_code),
                                  ctx.t("map.title") + " " + c.name)
            .dump(2);
    attachment(ctx, "sociale-kaart-" + c.gemeente_code + ".zip");
    ctx.res.set_content(zip_archive(files), "application/zip");
  });
}

}  // namespace kompas::web
