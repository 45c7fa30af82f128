#pragma once
// The page before something is removed for good: what goes with it, a button that posts
// bevestig=ja, and the way back. A post without that confirmation removes nothing.
#include <string>
#include <vector>

namespace kompas::web {

struct Ctx;

struct DeleteConfirmation {
  std::string title;     // heading, e.g. "Indicator verwijderen"
  std::string question;  // "Weet u zeker dat u de indicator … wilt verwijderen?"
  std::vector<std::string> consequences;
  std::string action;   // where the form posts (the page's own address)
  std::string back;     // the item's page
  std::string submit;   // the button
  std::string blocked;  // why it cannot be removed now; then there is no button
};

void show_delete_confirmation(Ctx& ctx, const DeleteConfirmation& page);

// Throws a 422 unless the post came from the confirmation page.
void require_delete_confirmation(const Ctx& ctx);

}  // namespace kompas::web
