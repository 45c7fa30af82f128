#pragma once
// Coalition meetings and their agendas (domain/meetings.h). Every change is in the audit log:
// a meeting with the partners present, each agenda item added, and what the meeting recorded.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/meetings.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::Meeting> list_meetings(soci::session& sql, long long coalition_id);  // newest
std::optional<domain::Meeting> find_meeting(soci::session& sql, long long coalition_id,
                                            long long id);
long long create_meeting(Change& change, const domain::Meeting& meeting);
void update_meeting(Change& change, const domain::Meeting& meeting);
// Removes the meeting with its agenda; actions its decisions became stay.
void delete_meeting(Change& change, const domain::Meeting& meeting);

std::vector<domain::AgendaItem> list_agenda(soci::session& sql, long long meeting_id);
std::optional<domain::AgendaItem> find_agenda_item(soci::session& sql, long long coalition_id,
                                                   long long item_id);
// Appends the items to the meeting's agenda, in their order.
void add_agenda_items(Change& change, long long meeting_id,
                      const std::vector<domain::AgendaItem>& items);
// Saves what the meeting recorded for the item (and the action its decision became).
void save_agenda_record(Change& change, const domain::AgendaItem& item);

// The source keys on the agendas of the coalition's other meetings (for new improvement actions
// that were discussed already).
std::set<std::string> discussed_keys(soci::session& sql, long long coalition_id,
                                     long long except_meeting_id);

// The decisions about one ambition, activity or indicator, newest meeting first.
enum class DecisionsAbout { ambition, activity, indicator };
struct Decision {
  domain::Meeting meeting;
  domain::AgendaItem item;
};
std::vector<Decision> decisions_about(soci::session& sql, long long coalition_id,
                                      DecisionsAbout about, long long id);

}  // namespace kompas::store
