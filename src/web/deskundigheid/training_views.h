#pragma once
// What the training pages and the coverage page share: a training and a session as a list row,
// a role's name, and whole numbers typed in a form.
#include <optional>
#include <string>
#include <vector>

#include "domain/training.h"
#include "web/core/app.h"

namespace kompas::web {

nlohmann::json training_summary(const Ctx& ctx, const domain::Training& training, int sessions);
nlohmann::json session_summary(const Ctx& ctx, const domain::TrainingSession& session,
                               soci::session& sql);
std::string role_name(const std::vector<domain::NamedCode>& roles, const std::string& code);

// A whole number typed in a form ("1.500" in Dutch); empty is nullopt without an error.
std::optional<int> whole_number_field(const Ctx& ctx, const std::string& text,
                                      const std::string& field, domain::FieldErrors& errors);

}  // namespace kompas::web
