#include "store/password_quality.h"

#include <pwquality.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>

#include "domain/people.h"

namespace kompas::store {

namespace {

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

}  // namespace

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
  if (result >= 0) return std::nullopt;
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
