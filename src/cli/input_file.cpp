#include "cli/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kompas::cli {

InputFile::InputFile(const std::string& path, const Texts& t) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    if (fd >= 0) ::close(fd);
    throw UserError(t.f("cli.file_unreadable", {{"path", path}}));
  }
  size_ = static_cast<std::size_t>(info.st_size);
  if (size_ > 0) {
    void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      ::close(fd);
      throw UserError(t.f("cli.file_unreadable", {{"path", path}}));
    }
    ::madvise(map, size_, MADV_WILLNEED);
    data_ = static_cast<const char*>(map);
  }
  ::close(fd);
}

InputFile::~InputFile() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace kompas::cli
