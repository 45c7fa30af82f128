#!/bin/sh
# domain/ holds the rules and statistics without I/O: no files, sockets, databases, logging or
# clock of its own, so every rule can be tested with plain values. The build already keeps it
# from including store/ or web/ (each layer's include root holds only the layers below it);
# this keeps it from reaching the system's I/O directly.
root="$(cd "$(dirname "$0")/../.." && pwd)"
found=$(grep -nE '#include <(fstream|iostream|filesystem|sqlite3\.h|soci/|libpq|sys/|unistd\.h|netinet/|arpa/|poll\.h|boost/asio|boost/beast|httplib\.h|spdlog/|sodium|pwquality|xlsxwriter)' \
  "$root"/src/domain/*.h "$root"/src/domain/*.cpp)
if [ -n "$found" ]; then
  echo "domain/ gebruikt I/O (hoort in store/, web/ of cli/):"
  echo "$found"
  exit 1
fi
if grep -nE '\b(fopen|std::ofstream|std::ifstream|std::cout|std::cerr|getenv|time\(nullptr\))' \
  "$root"/src/domain/*.cpp; then
  echo "domain/ doet zelf I/O (zie hierboven)"
  exit 1
fi
echo "ok"
