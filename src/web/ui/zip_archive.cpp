#include "web/ui/zip_archive.h"

#include <zip.h>

#include <algorithm>
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

Unzipped unzip_archive(std::string_view data, UnzipLimits limits) {
  Unzipped out;
  const auto fail = [&](Unzipped::Problem problem) {
    out.files.clear();
    out.problem = problem;
    return out;
  };
  zip_error_t error;
  zip_error_init(&error);
  Source source(zip_source_buffer_create(data.data(), data.size(), 0, &error));
  if (!source) return fail(Unzipped::Problem::not_zip);
  Archive archive(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) return fail(Unzipped::Problem::not_zip);
  source.release();  // the archive owns it now
  const auto count = zip_get_num_entries(archive.get(), 0);
  if (count < 0) return fail(Unzipped::Problem::not_zip);
  if (static_cast<std::size_t>(count) > limits.max_files) return fail(Unzipped::Problem::too_big);
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive.get(), i, 0, &stat) < 0) return fail(Unzipped::Problem::not_zip);
    std::string name = stat.name;
    if (name.empty() || name.back() == '/') continue;  // a folder
    if (const auto slash = name.rfind('/'); slash != std::string::npos)
      name = name.substr(slash + 1);
    if (name.starts_with(".")) continue;  // __MACOSX/._services.csv and the like
    // What an entry says of itself is refused before anything is unpacked; it is not trusted
    // either: reading stops at the limits whatever it says.
    const std::size_t packed =
        stat.valid & ZIP_STAT_COMP_SIZE ? std::max<zip_uint64_t>(stat.comp_size, 1) : data.size();
    const auto budget = std::min(limits.max_total_bytes - total, packed * limits.max_ratio);
    const std::size_t said = stat.valid & ZIP_STAT_SIZE ? stat.size : 0;
    if (said > budget) return fail(Unzipped::Problem::too_big);
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), i, 0));
    if (!file) return fail(Unzipped::Problem::not_zip);
    std::string content;
    content.reserve(said);  // no doubling while it grows
    char chunk[64 * 1024];
    zip_int64_t n = 0;
    while ((n = zip_fread(file.get(), chunk, sizeof chunk)) > 0) {
      if (content.size() + static_cast<std::size_t>(n) > budget)
        return fail(Unzipped::Problem::too_big);
      content.append(chunk, static_cast<std::size_t>(n));
    }
    if (n < 0) return fail(Unzipped::Problem::not_zip);
    total += content.size();
    if (!out.files.emplace(name, std::move(content)).second)
      return fail(Unzipped::Problem::not_zip);
  }
  return out;
}

}  // namespace kompas::web
