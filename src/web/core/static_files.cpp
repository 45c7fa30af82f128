#include "web/core/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "web/core/gzip_pieces.h"

namespace kompas::web {
namespace {

std::string type_of(const std::filesystem::path& path) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  const auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool worth_compressing(const std::string& type) {
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("image/svg+xml");
}

}  // namespace

void StaticFiles::load(const std::string& dir) {
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    File file{type_of(entry.path()), content.str(), ""};
    if (worth_compressing(file.type)) {
      const auto piece = deflate_piece(file.plain, Effort::thorough);
      file.gzip = join_gzip({&piece});
    }
    const auto name = std::filesystem::relative(entry.path(), dir).generic_string();
    files_.emplace("/static/" + name, std::move(file));
  }
}

bool StaticFiles::serve(const Request& req, Response& res) const {
  const auto it = files_.find(req.path);
  if (it == files_.end()) return false;
  const auto& file = it->second;
  res.set_header("Cache-Control", "public, max-age=3600");
  // The files live as long as the application, which outlives every answer.
  if (file.gzip.empty()) {
    res.set_pieces({file.plain}, nullptr, file.type);
    return true;
  }
  res.set_header("Vary", "Accept-Encoding");
  if (!req.has_header("Range") && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    res.set_pieces({file.gzip}, nullptr, file.type);
    res.set_header("Content-Encoding", "gzip");
  } else {
    res.set_pieces({file.plain}, nullptr, file.type);
  }
  return true;
}

}  // namespace kompas::web
