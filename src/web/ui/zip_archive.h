#pragma once
// ZIP archives in memory (libzip): how the sociale kaart's tabular data package (CSV files with
// datapackage.json) is downloaded and uploaded as one file.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kompas::web {

// The files, by name, as one ZIP archive (deflated).
std::string zip_archive(const std::map<std::string, std::string>& files);

// Limits an upload must keep, so a small archive cannot unpack into gigabytes.
struct UnzipLimits {
  std::size_t max_files = 100;
  std::size_t max_total_bytes = 200u * 1024 * 1024;
};

// The archive's files by their name without folders; nullopt when it is no ZIP archive, holds
// more than the limits, or names a file twice.
std::optional<std::map<std::string, std::string>> unzip_archive(std::string_view data,
                                                                UnzipLimits limits = {});

}  // namespace kompas::web
