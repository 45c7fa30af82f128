#pragma once
// The built assets under /static (stylesheet, fonts, scripts), read once at start and kept in
// memory with a gzip copy of each text file: serving them costs no disk access or compression.
#include <string>
#include <unordered_map>

#include "web/core/http.h"

namespace kompas::web {

class StaticFiles {
 public:
  // Reads every file under dir; a folder that does not exist serves nothing.
  void load(const std::string& dir);
  // Answers GET /static/<name>; false when there is no such file.
  bool serve(const Request& req, Response& res) const;

 private:
  struct File {
    std::string type, plain, gzip;  // gzip empty for what does not shrink (fonts, images)
  };
  std::unordered_map<std::string, File> files_;  // by URL path: "/static/kompas.css"
};

}  // namespace kompas::web
