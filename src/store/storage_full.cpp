#include "store/storage_full.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <string>

namespace kompas::store {

bool is_storage_full(const std::exception& error) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error))
    if (pg->sqlstate() == "53100") return true;  // disk_full
  const auto* failed = dynamic_cast<const soci::soci_error*>(&error);
  if (!failed) return false;
  const std::string message = failed->get_error_message();
  return message.find("database or disk is full") != std::string::npos ||
         message.find("No space left on device") != std::string::npos ||
         message.find("could not extend file") != std::string::npos;
}

}  // namespace kompas::store
