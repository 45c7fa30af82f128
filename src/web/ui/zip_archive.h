#pragma once
// ZIP archives in memory (libzip): how the sociale kaart's tabular data package (CSV files with
// datapackage.json) is downloaded and uploaded as one file.
#include <map>
#include <string>
#include <string_view>

namespace kompas::web {

// The files, by name, as one ZIP archive (deflated).
std::string zip_archive(const std::map<std::string, std::string>& files);

// Limits an upload must keep, so a small archive cannot unpack into gigabytes: the files
// together, and how much larger than its packed size one file may be (CSV and JSON pack about
// 5 to 20 times; a "zip bomb" thousands of times).
struct UnzipLimits {
  std::size_t max_files = 100;
  std::size_t max_total_bytes = 200u * 1024 * 1024;
  std::size_t max_ratio = 100;
};

// The archive's files by their name without folders, or why not: `not_zip` (no ZIP archive,
// damaged, or a name twice) or `too_big` (past a limit; reading stops there, so memory stays
// within the limit).
struct Unzipped {
  std::map<std::string, std::string> files;
  enum class Problem { none, not_zip, too_big } problem = Problem::none;
};
Unzipped unzip_archive(std::string_view data, UnzipLimits limits = {});

}  // namespace kompas::web
