#include "web/ui/zip_archive.h"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace kompas::web {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

std::string zip_archive(const std::map<std::string, std::string>& files) {
  zip_error_t error;
  zip_error_init(&error);
  Source buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw std::runtime_error("zip: no buffer");
  zip_source_keep(buffer.get());  // the archive frees it once; this reads it after
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip: cannot open");
  for (const auto& [name, content] : files) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!part || zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8) < 0) {
      if (part) zip_source_free(part);
      zip_discard(archive);
      throw std::runtime_error("zip: cannot add " + name);
    }
  }
  if (zip_close(archive) < 0) {
    zip_discard(archive);
    throw std::runtime_error("zip: cannot write");
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) < 0 || zip_source_open(buffer.get()) < 0)
    throw std::runtime_error("zip: cannot read back");
  std::string out(stat.size, '\0');
  const auto read = zip_source_read(buffer.get(), out.data(), out.size());
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    throw std::runtime_error("zip: short read");
  return out;
}

std::optional<std::map<std::string, std::string>> unzip_archive(std::string_view data,
                                                                UnzipLimits limits) {
  zip_error_t error;
  zip_error_init(&error);
  Source source(zip_source_buffer_create(data.data(), data.size(), 0, &error));
  if (!source) return std::nullopt;
  Archive archive(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) return std::nullopt;
  source.release();  // the archive owns it now
  const auto count = zip_get_num_entries(archive.get(), 0);
  if (count < 0 || static_cast<std::size_t>(count) > limits.max_files) return std::nullopt;
  std::map<std::string, std::string> files;
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive.get(), i, 0, &stat) < 0) return std::nullopt;
    std::string name = stat.name;
    if (name.empty() || name.back() == '/') continue;  // a folder
    if (const auto slash = name.rfind('/'); slash != std::string::npos)
      name = name.substr(slash + 1);
    if (name.starts_with(".")) continue;  // __MACOSX/._services.csv and the like
    // The size an entry says it has is not trusted: reading stops at the limit.
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), i, 0));
    if (!file) return std::nullopt;
    std::string content;
    char chunk[64 * 1024];
    zip_int64_t n = 0;
    while ((n = zip_fread(file.get(), chunk, sizeof chunk)) > 0) {
      total += static_cast<std::size_t>(n);
      if (total > limits.max_total_bytes) return std::nullopt;
      content.append(chunk, static_cast<std::size_t>(n));
    }
    if (n < 0) return std::nullopt;
    if (!files.emplace(name, std::move(content)).second) return std::nullopt;
  }
  return files;
}

}  // namespace kompas::web
