#pragma once
// What the training pages and the coverage page share: a training and a session as a list row,
// the register's lists (partners, roles, wijken) with the form fields made of them, a role's
// name, and whole numbers typed in a form.
#include <optional>
#include <string>
#include <vector>

#include "domain/training.h"
#include "store/training_store.h"
#include "web/core/app.h"
#include "web/ui/form.h"

namespace kompas::web {

nlohmann::json training_summary(const Ctx& ctx, const domain::Training& training, int sessions);
nlohmann::json session_summary(const Ctx& ctx, const domain::TrainingSession& session,
                               const store::SessionCounts& counts);
std::string role_name(const std::vector<domain::NamedCode>& roles, const std::string& code);

// A partner's staff register, tick and state numbers only for their own organisation; the
// beheerder for anyone's (nullopt).
std::optional<long long> only_partner(const Ctx& ctx);

// The register's lists: the active partners this person may act for (`partners`) and all of
// them (an attendance list names the others), the roles in the reader's language and in both
// (an attendance list may use either), and the wijken.
struct RegisterNames {
  std::vector<domain::NamedId> partners, all_partners;
  std::vector<domain::NamedCode> roles, roles_in_both, wijken;
};
RegisterNames register_names(const Ctx& ctx, soci::session& sql);

// The partner, role and wijk selects of the participant and numbers forms.
std::vector<FieldSpec> partner_role_wijk_fields(const RegisterNames& names,
                                                const std::string& wijk_hint_key);
// Refuses (error.choose) a posted partner, role or wijk that the fields did not offer.
void check_offered(const RegisterNames& names, long long partner_id, const std::string& role,
                   const std::string& wijk_code, domain::FieldErrors& errors);

}  // namespace kompas::web
