#pragma once
// Is a new password too easy to guess? Beyond the length rule of domain/people.h, libpwquality
// (with cracklib's dictionary, both Debian packages) refuses common and systematic passwords
// ("123456789012"), one character repeated, palindromes and passwords that contain the e-mail
// address's name. A hand-made list would miss most of what cracklib knows. Beside it, the 49,233
// most-used passwords of zxcvbn's frequency list (npm, embedded at build time) are refused,
// compared without case and without digits and symbols at the ends: cracklib let
// "password1234" through.
#include <optional>
#include <string>
#include <string_view>

namespace kompas::store {

// Whether the password is on the list of most-used passwords, also in other case or with
// digits and symbols before or after it ("Password1234!").
bool is_common_password(std::string_view password);

// The message key of the first problem found, or nothing for a password that will do.
// `email` is the account's address, so its name part cannot be the password.
std::optional<std::string> password_weakness(std::string_view password, std::string_view email);

// Every rule for a new password at once: the length rule (domain::password_problem), then the
// weakness check above. Used wherever a password is set: profile, people admin, command line.
std::optional<std::string> password_refusal(std::string_view password, std::string_view email);

}  // namespace kompas::store
