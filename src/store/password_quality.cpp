#include "store/password_quality.h"

#include <pwquality.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "domain/people.h"
#include "embedded.h"

namespace kompas::store {

namespace {

constexpr std::string_view kCommonPasswordsFile =
    "node_modules/@zxcvbn-ts/language-common/src/passwords.json";

struct SettingsDeleter {
  void operator()(pwquality_settings_t* settings) const { pwquality_free_settings(settings); }
};
using Settings = std::unique_ptr<pwquality_settings_t, SettingsDeleter>;

// The library's defaults, without its length rule (it counts bytes; domain/people.h counts
// characters) and without credits that would let a short password with digits pass. Without
// cracklib's dictionary installed, every dictionary check fails, so then it is left out (and
// said once in the log) rather than refusing every password.
Settings make_settings() {
  Settings settings(pwquality_default_settings());
  pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH, 6);
  for (const int credit : {PWQ_SETTING_DIG_CREDIT, PWQ_SETTING_UP_CREDIT, PWQ_SETTING_LOW_CREDIT,
                           PWQ_SETTING_OTH_CREDIT})
    pwquality_set_int_value(settings.get(), credit, 0);
  void* aux = nullptr;
  if (pwquality_check(settings.get(), "Kompas-proef-7Wq-zonder-woord", nullptr, nullptr, &aux) ==
      PWQ_ERROR_CRACKLIB_CHECK) {
    spdlog::warn(
        "de woordenlijst van cracklib ontbreekt (pakket cracklib-runtime): "
        "wachtwoorden worden niet tegen de woordenlijst gecontroleerd");
    pwquality_set_int_value(settings.get(), PWQ_SETTING_DICT_CHECK, 0);
  }
  return settings;
}

// A password as the list is compared: lower case, without the digits and symbols people put
// before or after a word ("Password1234!" -> "password").
std::string common_form(std::string_view password) {
  const auto is_letter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  std::size_t begin = 0, end = password.size();
  while (begin < end && !is_letter(password[begin])) ++begin;
  while (end > begin && !is_letter(password[end - 1])) --end;
  std::string out(password.substr(begin, end - begin));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::unordered_set<std::string>& common_passwords() {
  static const auto list = [] {
    std::unordered_set<std::string> out;
    const auto words = nlohmann::json::parse(embedded::file(kCommonPasswordsFile));
    for (const auto& word : words) {
      auto lower = word.get<std::string>();
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.insert(std::move(lower));
    }
    return out;
  }();
  return list;
}

}  // namespace

bool is_common_password(std::string_view password) {
  std::string lower(password);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto& list = common_passwords();
  // The word inside counts when it is a word: "x" inside "8391047x55619283" is no password.
  const auto core = common_form(password);
  return list.contains(lower) || (core.size() >= 4 && list.contains(core));
}

std::optional<std::string> password_weakness(std::string_view password, std::string_view email) {
  static std::mutex mutex;  // cracklib keeps state between calls
  static const Settings settings = make_settings();
  const std::string text(password);
  const std::string user(email.substr(0, email.find('@')));
  void* aux = nullptr;
  int result = 0;
  {
    std::lock_guard lock(mutex);
    result = pwquality_check(settings.get(), text.c_str(), nullptr,
                             user.empty() ? nullptr : user.c_str(), &aux);
  }
  if (result >= 0)
    return is_common_password(password) ? std::optional<std::string>("error.password_common")
                                        : std::nullopt;
  switch (result) {
    case PWQ_ERROR_PALINDROME:
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_SEQUENCE:
    case PWQ_ERROR_MIN_CLASSES:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
      return "error.password_repetitive";
    case PWQ_ERROR_USER_CHECK:
    case PWQ_ERROR_GECOS_CHECK:
      return "error.password_has_name";
    default:
      return "error.password_common";
  }
}

std::optional<std::string> password_refusal(std::string_view password, std::string_view email) {
  if (auto problem = domain::password_problem(password)) return problem;
  return password_weakness(password, email);
}

}  // namespace kompas::store
