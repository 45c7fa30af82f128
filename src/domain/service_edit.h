#pragma once
// A service's owner edits it on the kaart in one step (issue 13). The form holds what people
// change — the text, how to refer, contact and phone, wijken and postcodes, the own terms, the
// weekly opening times and the place — as a ServiceDraft. Saving changes only the records those
// parts live in and keeps their ids, so what a file brought beyond them (other terms, languages,
// an imported schedule the form cannot show) stays as it was.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "domain/hsds_records.h"
#include "domain/map_records.h"
#include "domain/validation.h"

namespace kompas::domain {

// The service as its form shows it. `schedule_editable` is false when its opening times are
// more than one weekly schedule of days and times (an imported RRULE, opening per location):
// the form then leaves them out and saving keeps them.
struct EditableService {
  ServiceDraft draft;
  bool schedule_editable = true;
};
EditableService editable_service(const hsds::Directory& directory, const hsds::Record& service);

// The twelve provinces: HSDS requires one in every address.
const std::vector<std::string>& provinces();

inline constexpr std::size_t kServiceNameLength = 200;
inline constexpr std::size_t kServiceTextLength = 4000;

// Reads what people type into the form in place: "9.30" and "9" become "09:30" and "09:00",
// "www.club.nl" becomes "https://www.club.nl", "9902ab" becomes "9902 AB", a list of postcodes
// "9902, 9903 AB" the postcodes "9902" and "9903". What cannot be read stays as typed and is an
// error on its field.
FieldErrors read_service_draft(ServiceDraft& draft, const std::string& typed_postcodes);

// The records to save and the records to remove (table, id) so the kaart holds the draft.
struct ServiceChanges {
  std::vector<hsds::Record> saved;
  std::vector<std::pair<std::string, std::string>> removed;
};
ServiceChanges edit_service(const hsds::Directory& directory, const hsds::Record& service,
                            const ServiceDraft& draft, bool schedule_editable,
                            const std::function<std::string()>& new_id);

}  // namespace kompas::domain
