#pragma once
// Is a new password too easy to guess? Beyond the length rule of domain/people.h, libpwquality
// (with cracklib's dictionary, both Debian packages) refuses common and systematic passwords
// ("123456789012"), one character repeated, palindromes and passwords that contain the e-mail
// address's name. A hand-made list would miss most of what cracklib knows.
#include <optional>
#include <string>
#include <string_view>

namespace kompas::store {

// The message key of the first problem found, or nothing for a password that will do.
// `email` is the account's address, so its name part cannot be the password.
std::optional<std::string> password_weakness(std::string_view password, std::string_view email);

// Every rule for a new password at once: the length rule (domain::password_problem), then the
// weakness check above. Used wherever a password is set: profile, people admin, command line.
std::optional<std::string> password_refusal(std::string_view password, std::string_view email);

}  // namespace kompas::store
