#include "domain/meetings.h"

#include <algorithm>
#include <cstdio>

#include "domain/text_limits.h"
#include "domain/validation.h"

namespace kompas::domain {
namespace {

std::string key(std::string_view kind, long long id) {
  return std::string(kind) + ":" + std::to_string(id);
}

// "5.5": a median for the message, formatted by the page in its language.
std::string plain_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

bool reaches(const Activity& a, const std::string& wijk) {
  return a.areas.empty() || std::find(a.areas.begin(), a.areas.end(), wijk) != a.areas.end();
}

}  // namespace

FieldErrors validate(const Meeting& meeting) {
  FieldErrors errors;
  if (!is_valid_date(meeting.held_on)) errors["held_on"] = "error.date";
  if (meeting.title.empty()) errors["title"] = "error.required";
  check_length(errors, "title", meeting.title, text_limit::name);
  return errors;
}

FieldErrors validate_record(const AgendaItem& item) {
  FieldErrors errors;
  for (const auto& [field, text] : {std::pair{"goes_well", &item.goes_well},
                                    {"must_improve", &item.must_improve},
                                    {"decision", &item.decision}})
    check_length(errors, field, *text, text_limit::text);
  if (item.decision.empty()) {
    if (item.decision_owner_id) errors["decision_owner"] = "meeting.owner_without_decision";
    if (!item.decision_due.empty()) errors["decision_due"] = "meeting.due_without_decision";
  } else if (item.decision_owner_id && item.decision_due.empty()) {
    errors["decision_due"] = "meeting.due_required";
  }
  if (!item.decision_due.empty() && !is_valid_date(item.decision_due))
    errors["decision_due"] = "error.date";
  return errors;
}

bool makes_action(const AgendaItem& item) {
  return !item.decision.empty() && item.decision_owner_id && !item.decision_action_id;
}

namespace {

// At most `limit` bytes, cut at a space when there is one, never inside a UTF-8 character.
std::string shorten(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::string ellipsis = "…";
  std::size_t end = limit - ellipsis.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const auto space = text.rfind(' ', end);
  if (space != std::string::npos && space > end / 2) end = space;
  return text.substr(0, end) + ellipsis;
}

}  // namespace

Action action_from_decision(const AgendaItem& item, const std::string& origin,
                            std::optional<long long> owner_partner_id) {
  Action action;
  action.title = shorten(item.decision, 200);
  action.description = origin + ": " + item.decision;
  action.owner_person_id = item.decision_owner_id;
  action.partner_id = owner_partner_id;
  action.ambition_id = item.ambition_id;
  action.activity_id = item.activity_id;
  action.due_date = item.decision_due;
  return action;
}

std::map<std::string, std::vector<std::string>> blind_spots(
    const std::vector<Activity>& activities, const std::vector<std::string>& wijk_codes) {
  std::map<std::string, std::vector<std::string>> spots;
  for (const auto& degree : loneliness_degrees())
    for (const auto& wijk : wijk_codes) {
      const bool covered = std::any_of(activities.begin(), activities.end(), [&](const auto& a) {
        return is_running(a) && reaches(a, wijk) &&
               std::find(a.degrees.begin(), a.degrees.end(), degree) != a.degrees.end();
      });
      if (!covered) spots[degree].push_back(wijk);
    }
  return spots;
}

std::vector<AgendaItem> propose_agenda(const AgendaInputs& in,
                                       const std::set<std::string>& on_agenda) {
  std::vector<AgendaItem> items;
  const auto add = [&](AgendaItem item) {
    if (!on_agenda.contains(item.source_key)) items.push_back(std::move(item));
  };
  for (const auto status : {IndicatorStatus::achter, IndicatorStatus::niet_te_onderscheiden})
    for (const auto& ind : in.indicators) {
      if (ind.status != status) continue;
      AgendaItem item;
      item.source_key = key("indicator", ind.id);
      item.reason = status == IndicatorStatus::achter ? AgendaReason::achter
                                                      : AgendaReason::niet_te_onderscheiden;
      item.subject = ind.name;
      item.indicator_id = ind.id;
      item.ambition_id = ind.ambition_id;
      add(std::move(item));
    }
  const auto action_item = [](const Action& a, AgendaReason reason) {
    AgendaItem item;
    item.source_key = key("actie", a.id);
    item.reason = reason;
    item.subject = a.title;
    item.detail = a.due_date;
    item.action_id = a.id;
    item.ambition_id = a.ambition_id;
    item.activity_id = a.activity_id;
    return item;
  };
  for (const auto& a : in.actions)
    if (is_overdue(a, in.today)) add(action_item(a, AgendaReason::te_laat));
  for (const auto& a : in.actions)
    if (a.round_id && is_open(a) && !is_overdue(a, in.today) &&
        !in.discussed.contains(key("actie", a.id)))
      add(action_item(a, AgendaReason::nieuwe_verbeteractie));
  const auto activity_item = [](const ActivityCheck& a, AgendaReason reason) {
    AgendaItem item;
    item.source_key = key("activiteit", a.id);
    item.reason = reason;
    item.subject = a.name;
    item.activity_id = a.id;
    return item;
  };
  // Activities without a check are one item, naming them: a coalition with many would otherwise
  // fill the agenda with them. One alone keeps its link to the activity.
  std::vector<const ActivityCheck*> unchecked;
  for (const auto& a : in.running_activities)
    if (!a.checked_recently) unchecked.push_back(&a);
  if (unchecked.size() == 1) add(activity_item(*unchecked.front(), AgendaReason::geen_check));
  if (unchecked.size() > 1) {
    AgendaItem item;
    item.source_key = "geen_check";
    item.reason = AgendaReason::geen_check;
    for (const auto* a : unchecked) item.subject += (item.subject.empty() ? "" : ", ") + a->name;
    add(std::move(item));
  }
  for (const auto& a : in.running_activities)
    if (a.checked_recently && a.latest_median && *a.latest_median < kLowCheckMedian) {
      auto item = activity_item(a, AgendaReason::lage_score);
      item.detail = plain_number(*a.latest_median);
      add(std::move(item));
    }
  const auto name_of = [&](const std::string& code) {
    for (std::size_t i = 0; i < in.wijk_codes.size(); ++i)
      if (in.wijk_codes[i] == code) return in.wijk_names[i];
    return code;
  };
  const auto spots = blind_spots(in.activities, in.wijk_codes);
  for (const auto& degree : loneliness_degrees()) {
    const auto found = spots.find(degree);
    if (found == spots.end()) continue;
    AgendaItem item;
    item.source_key = "blinde_vlek:" + degree;
    item.reason = AgendaReason::blinde_vlek;
    item.subject = degree;  // a word: the page names the degree in its language
    for (const auto& wijk : found->second)
      item.detail += (item.detail.empty() ? "" : ", ") + name_of(wijk);
    add(std::move(item));
  }
  for (const auto& m : in.mismatches) {
    if (m.kind == MismatchKind::ernstig_zonder_aanbod) continue;  // a blind spot already
    AgendaItem item;
    item.source_key = "mismatch:" + m.wijk + ":" + word(m.kind);
    item.reason = m.kind == MismatchKind::emotioneel_zonder_aanbod
                      ? AgendaReason::emotioneel_zonder_aanbod
                      : AgendaReason::sociaal_zonder_aanbod;
    item.subject = name_of(m.wijk);
    add(std::move(item));
  }
  for (const auto& s : in.stories) {
    if (s.count == 0) continue;
    AgendaItem item;
    item.source_key = key("verhaal", s.indicator_id);
    item.reason = AgendaReason::nieuw_verhaal;
    item.subject = s.indicator_name;
    item.detail = std::to_string(s.count);
    item.indicator_id = s.indicator_id;
    item.ambition_id = s.ambition_id;
    add(std::move(item));
  }
  return items;
}

}  // namespace kompas::domain
