#pragma once
// A file given on the command line, mapped into memory: a survey of a million rows is read
// without first copying 140 MB.
#include <cstddef>
#include <string>
#include <string_view>

#include "cli/commands.h"

namespace kompas::cli {

class InputFile {
 public:
  // Throws UserError (cli.file_unreadable) when the file cannot be opened or is a folder.
  InputFile(const std::string& path, const Texts& t);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace kompas::cli
