#pragma once
// Where to send someone after logging in or switching language: only a path on this site.
#include <string>

namespace kompas::web {

// `path` when it is a path on this site, else "/". Accepted: one '/' followed by a character
// that is not '/', '\' or white space (nor a control character anywhere), also after
// percent-decoding: browsers drop tabs and newlines and read '\' as '/', so "/\t/host" or
// "/%5Chost" would lead to another site.
std::string safe_return_path(const std::string& path);

}  // namespace kompas::web
