#pragma once
// The key that seals the signaalpunt's personal fields (names, addresses, contact details and
// notes) with libsodium's secretbox (XSalsa20-Poly1305). It lives in a file outside the
// database, so a copy of the database alone reveals nothing; without the file the sealed fields
// cannot be read, so it belongs in every backup next to the database, kept apart from it.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.h"

namespace kompas::store {

class SignalKey {
 public:
  // Reads the key file; throws std::runtime_error (with the path) when it is missing or broken.
  static SignalKey read(const std::filesystem::path& file);
  // Makes a new key file (owner read/write only); false when the file already exists.
  static bool create(const std::filesystem::path& file);

  // "" stays "" (an empty field seals nothing); otherwise a new random nonce each time, base64.
  std::string seal(std::string_view plain) const;
  // The plain text, or nothing when the text was sealed with another key or altered.
  std::optional<std::string> open(std::string_view sealed) const;
  // A keyed BLAKE2b hash (hex): unlike a plain hash, nobody without the key can try every
  // possible input (every IPv4 address) to find what was hashed.
  std::string keyed_hash(std::string_view text) const;

 private:
  std::array<unsigned char, 32> key_{};
};

// Whether anyone but its owner may read or change `file`: a key file like that is refused, since
// whoever reads it can open every signal.
bool open_to_others(const std::filesystem::path& file);

// Where the key file is unless told: next to a SQLite database ("<file>.key"), else kompas.key
// in the working directory.
std::filesystem::path default_signal_key_file(const Location& db);

}  // namespace kompas::store
