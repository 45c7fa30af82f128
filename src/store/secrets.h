#pragma once
// Password hashes and random tokens (libsodium). Tokens are stored only as hashes, so a copy of
// the database does not give anyone a working session.
#include <string>
#include <string_view>

namespace kompas::store {

std::string hash_password(std::string_view password);  // argon2id, encoded with its parameters
bool verify_password(const std::string& encoded_hash, std::string_view password);
std::string random_token();  // 256 bits, URL-safe base64
std::string random_uuid();   // a version 4 UUID: ids of the sociale kaart
// `length` characters drawn uniformly from `alphabet` (a code people type back).
std::string random_code(std::string_view alphabet, int length);
std::string token_hash(std::string_view token);  // BLAKE2b, hex
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace kompas::store
