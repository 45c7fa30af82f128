#include "domain/social_map.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <map>
#include <numeric>
#include <tuple>

#include "domain/text.h"

namespace kompas::domain {
namespace {

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(value);
}

// A wijk and a buurt in it, or a code and itself, or the gemeente and anything.
bool area_covers(const std::string& served, const std::string& asked) {
  if (served == asked || served.starts_with("GM")) return true;
  const auto same_wijk = [](const std::string& wijk, const std::string& buurt) {
    return wijk.starts_with("WK") && buurt.starts_with("BU") && wijk.size() == 8 &&
           buurt.size() == 10 && buurt.compare(2, 6, wijk, 2, 6) == 0;
  };
  return same_wijk(served, asked) || same_wijk(asked, served);
}

}  // namespace

bool is_active(const MapService& service) {
  return service.record->text("status") == "active";
}

bool is_referral_place(const MapService& service) {
  const auto& way_in = service.referral;
  return is_active(service) && (!way_in.phone.empty() || !way_in.email.empty() ||
                                !way_in.url.empty() || !way_in.how.empty() || service.has_address);
}

std::vector<std::string> weekdays_of(const hsds::Record& schedule) {
  std::vector<std::string> days;
  const auto byday = schedule.text("byday");  // split's views point into it
  // "MO,TH", or with a position ("1MO", the first Monday): the day is the last two letters.
  for (const auto& day : split(byday, ',')) {
    const auto word = trim(day);
    if (word.size() >= 2) add_unique(days, upper_ascii(word.substr(word.size() - 2)));
  }
  return days;
}

std::optional<std::string> read_postcode(std::string_view typed) {
  std::string digits;
  std::size_t i = 0;
  while (i < typed.size() && typed[i] == ' ') ++i;
  while (i < typed.size() && std::isdigit(static_cast<unsigned char>(typed[i])))
    digits += typed[i++];
  if (digits.size() != 4 || digits[0] == '0') return std::nullopt;
  while (i < typed.size() && typed[i] == ' ') ++i;
  std::size_t letters = 0;
  while (i < typed.size() && std::isalpha(static_cast<unsigned char>(typed[i]))) ++i, ++letters;
  while (i < typed.size() && typed[i] == ' ') ++i;
  if (i != typed.size() || (letters != 0 && letters != 2)) return std::nullopt;
  return digits;
}

struct SocialMap::Entry {
  MapService service;
  std::string sort_key;                              // the name in lower case
  std::vector<std::pair<std::string, int>> weights;  // its stems
};

namespace {

std::uint64_t id_hash(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

// The directory as the making of one service reads it: every record it finds (or looks for)
// and every parent it asks the children of is noted, so that a change to any of them makes the
// service again. Two ids with one hash only make a service again that did not need it.
class Reading {
 public:
  Reading(const hsds::Directory& directory, std::vector<std::uint64_t>& read)
      : directory_(directory), read_(read) {}
  void note(std::string_view id) { read_.push_back(id_hash(id)); }
  const hsds::Record* find(std::string_view table, std::string_view id) {
    note(id);
    return directory_.find(table, id);
  }
  std::vector<const hsds::Record*> children(const hsds::Nesting& n, const hsds::Record& parent) {
    note(parent.id);
    return directory_.children(n, parent);
  }
  std::vector<const hsds::Record*> children(const hsds::Nesting& n, std::string_view parent_id) {
    note(parent_id);
    return directory_.children(n, parent_id);
  }

 private:
  const hsds::Directory& directory_;
  std::vector<std::uint64_t>& read_;
};

// Organisations and terms recur across services: their stems are made once per making.
class StemsOnce {
 public:
  explicit StemsOnce(SearchLanguage language) : language_(language) {}
  const std::vector<std::string>& of(const std::string& text) {
    auto found = stems_.find(text);
    if (found == stems_.end()) found = stems_.emplace(text, search_stems(text, language_)).first;
    return found->second;
  }

 private:
  SearchLanguage language_;
  std::unordered_map<std::string, std::vector<std::string>> stems_;
};

// One service, and in `read` the ids its making read.
std::shared_ptr<const SocialMap::Entry> make_entry(const hsds::Directory& directory,
                                                   const hsds::Record& r, SearchLanguage language,
                                                   StemsOnce& stems_once,
                                                   std::vector<std::uint64_t>& read) {
  static const auto& areas = hsds::nesting("service", "service_areas");
  static const auto& attributes = hsds::nesting("service", "attributes");
  static const auto& schedules = hsds::nesting("service", "schedules");
  static const auto& at_locations = hsds::nesting("service", "service_at_locations");
  static const auto& location_schedules = hsds::nesting("service_at_location", "schedules");
  static const auto& addresses = hsds::nesting("location", "addresses");
  static const auto& contacts = hsds::nesting("service", "contacts");
  static const auto& phones = hsds::nesting("service", "phones");
  static const auto& contact_phones = hsds::nesting("contact", "phones");

  auto entry = std::make_shared<SocialMap::Entry>();
  read.clear();
  Reading d(directory, read);
  d.note(r.id);
  auto& s = entry->service;
  s.record = &r;
  s.name = r.text("name");
  s.description = r.text("description");
  s.organization_id = r.text("organization_id");
  if (const auto* org = d.find("organization", s.organization_id))
    s.organization = org->text("name");
  for (const auto* area : d.children(areas, r)) {
    const auto type = area->text("extent_type");
    if (type == kAreaTypeCbs) add_unique(s.area_codes, area->text("extent"));
    if (type == kAreaTypePostcode) add_unique(s.postcodes, area->text("extent"));
  }
  for (const auto* attribute : d.children(attributes, r))
    add_unique(s.term_ids, attribute->text("taxonomy_term_id"));
  auto weekly = d.children(schedules, r);
  for (const auto* sal : d.children(at_locations, r)) {
    for (const auto* schedule : d.children(location_schedules, *sal)) weekly.push_back(schedule);
    if (!d.children(addresses, sal->text("location_id")).empty()) s.has_address = true;
  }
  s.has_schedule = !weekly.empty();
  for (const auto* schedule : weekly) {
    const auto freq = schedule->text("freq");
    if (!freq.empty() && freq != "WEEKLY") continue;
    for (const auto& day : weekdays_of(*schedule)) add_unique(s.weekdays, day);
  }
  const auto people = d.children(contacts, r);
  if (!people.empty()) {
    s.referral.contact = people.front()->text("name");
    s.referral.email = people.front()->text("email");
    for (const auto* phone : d.children(contact_phones, *people.front())) {
      s.referral.phone = phone->text("number");
      break;
    }
  }
  if (s.referral.email.empty()) s.referral.email = r.text("email");
  if (s.referral.phone.empty())
    for (const auto* phone : d.children(phones, r)) {
      s.referral.phone = phone->text("number");
      break;
    }
  s.referral.url = r.text("url");
  s.referral.how = r.text("application_process");
  s.assured_date = r.text("assured_date");
  s.last_modified = r.text("last_modified");
  entry->sort_key = lower_ascii(s.name);

  std::map<std::string, int> weights;
  for (const auto& stem : search_stems(s.name, language)) weights[stem] += 10;
  for (const auto& stem : search_stems(r.text("alternate_name"), language)) weights[stem] += 5;
  for (const auto& stem : stems_once.of(s.organization)) weights[stem] += 3;
  for (const auto& stem : search_stems(s.description, language)) weights[stem] += 1;
  for (const auto& term_id : s.term_ids)
    if (const auto* term = d.find("taxonomy_term", term_id))
      for (const auto& stem : stems_once.of(term->text("name"))) weights[stem] += 2;
  entry->weights.assign(weights.begin(), weights.end());
  std::sort(read.begin(), read.end());
  read.erase(std::unique(read.begin(), read.end()), read.end());
  return entry;
}

// The ids a change touches: each record written or removed, and what it hangs under before
// and after (a new phone changes its service's list of phones).
std::unordered_set<std::uint64_t> touched_ids(const hsds::Directory& before,
                                              const hsds::RecordChanges& changes) {
  std::unordered_set<std::uint64_t> touched;
  const auto note = [&](const hsds::Record& r) {
    touched.insert(id_hash(r.id));
    for (const auto parent : hsds::parent_ids(r)) touched.insert(id_hash(parent));
  };
  for (const auto& r : changes.written) {
    note(r);
    if (const auto* old = before.find(r.table->name, r.id)) note(*old);
  }
  for (const auto& [table, id] : changes.removed) {
    touched.insert(id_hash(id));
    if (const auto* old = before.find(table, id)) note(*old);
  }
  return touched;
}

}  // namespace

SocialMap::SocialMap(hsds::Directory directory, SearchLanguage language)
    : directory_(std::move(directory)), language_(language) {
  StemsOnce stems(language_);
  std::vector<std::uint64_t> read;
  read_start_.push_back(0);
  for (const auto* r : directory_.of("service")) {
    add(make_entry(directory_, *r, language_, stems, read));
    reads_.insert(reads_.end(), read.begin(), read.end());
    read_start_.push_back(static_cast<std::uint32_t>(reads_.size()));
  }
  order_.resize(entries_.size());
  std::iota(order_.begin(), order_.end(), 0);
  std::sort(order_.begin(), order_.end(), by_name());
  for (const auto slot : order_) by_id_.emplace(entries_[slot]->service.record->id, slot);
  list_by_name();
}

SocialMap::SocialMap(const SocialMap& before, hsds::RecordChanges changes)
    : SocialMap(before, touched_ids(before.directory_, changes), std::move(changes)) {}

SocialMap::SocialMap(const SocialMap& before, std::unordered_set<std::uint64_t> touched,
                     hsds::RecordChanges&& changes)
    : directory_(before.directory_, std::move(changes)),
      language_(before.language_),
      entries_(before.entries_),
      by_id_(before.by_id_),
      words_(before.words_) {
  const auto read_by = [&](std::uint32_t slot) {
    return std::any_of(before.reads_.begin() + before.read_start_[slot],
                       before.reads_.begin() + before.read_start_[slot + 1],
                       [&](std::uint64_t id) { return touched.contains(id); });
  };
  // The slots made again (or emptied) with what their making read; then the services new.
  std::map<std::uint32_t, std::vector<std::uint64_t>> again;
  StemsOnce stems(language_);
  for (std::uint32_t slot = 0; slot < entries_.size(); ++slot) {
    auto& entry = entries_[slot];
    if (!entry || !read_by(slot)) continue;
    for (const auto& [stem, weight] : entry->weights) {
      auto& list = words_[stem];
      std::erase_if(list, [&](const auto& w) { return w.first == slot; });
      if (list.empty()) words_.erase(stem);
    }
    by_id_.erase(entry->service.record->id);
    auto& read = again[slot];
    const auto* record = directory_.find("service", entry->service.record->id);
    entry = record ? make_entry(directory_, *record, language_, stems, read) : nullptr;
    if (!entry) continue;
    for (const auto& [stem, weight] : entry->weights) words_[stem].emplace_back(slot, weight);
    by_id_.emplace(entry->service.record->id, slot);
  }
  for (const auto* r : directory_.of("service"))
    if (touched.contains(id_hash(r->id)) && !by_id_.contains(r->id)) {
      const auto slot = static_cast<std::uint32_t>(entries_.size());
      add(make_entry(directory_, *r, language_, stems, again[slot]));
      by_id_.emplace(r->id, slot);
    }
  // What each slot read: the new lists where made again, the others as they were.
  read_start_.push_back(0);
  for (std::uint32_t slot = 0; slot < entries_.size(); ++slot) {
    if (const auto made = again.find(slot); made != again.end())
      reads_.insert(reads_.end(), made->second.begin(), made->second.end());
    else
      reads_.insert(reads_.end(), before.reads_.begin() + before.read_start_[slot],
                    before.reads_.begin() + before.read_start_[slot + 1]);
    read_start_.push_back(static_cast<std::uint32_t>(reads_.size()));
  }
  // The name order: the slots not made again keep theirs, the others are merged in.
  std::vector<std::uint32_t> placed;
  for (const auto& [slot, read] : again)
    if (entries_[slot]) placed.push_back(slot);
  std::sort(placed.begin(), placed.end(), by_name());
  std::vector<std::uint32_t> kept;
  kept.reserve(before.order_.size());
  for (const auto slot : before.order_)
    if (!again.contains(slot)) kept.push_back(slot);
  order_.reserve(kept.size() + placed.size());
  std::merge(kept.begin(), kept.end(), placed.begin(), placed.end(), std::back_inserter(order_),
             by_name());
  list_by_name();
}

std::function<bool(std::uint32_t, std::uint32_t)> SocialMap::by_name() const {
  return [this](std::uint32_t a, std::uint32_t b) {
    const auto& x = *entries_[a];
    const auto& y = *entries_[b];
    return std::tie(x.sort_key, x.service.record->id) < std::tie(y.sort_key, y.service.record->id);
  };
}

void SocialMap::add(std::shared_ptr<const Entry> entry) {
  const auto slot = static_cast<std::uint32_t>(entries_.size());
  for (const auto& [stem, weight] : entry->weights) words_[stem].emplace_back(slot, weight);
  entries_.push_back(std::move(entry));
}

void SocialMap::list_by_name() {
  by_name_.reserve(order_.size());
  for (const auto slot : order_) by_name_.push_back(&entries_[slot]->service);
}

const MapService* SocialMap::service(std::string_view id) const {
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : &entries_[found->second]->service;
}

bool SocialMap::knows_postcode(const std::string& postcode) const {
  for (const auto* s : by_name_)
    if (std::find(s->postcodes.begin(), s->postcodes.end(), postcode) != s->postcodes.end())
      return true;
  return false;
}

std::vector<const MapService*> SocialMap::search(const MapQuery& q) const {
  // Scores per service: every typed word must be found.
  std::vector<int> score(entries_.size(), q.text.empty() ? 1 : 0);  // by slot
  if (!q.text.empty()) {
    const auto stems = search_stems(q.text, language_);
    if (stems.empty()) return {};
    std::vector<int> matched(entries_.size(), 0);
    for (const auto& stem : stems) {
      const auto found = words_.find(stem);
      if (found == words_.end()) return {};
      for (const auto& [i, weight] : found->second) {
        ++matched[i];
        score[i] += weight;
      }
    }
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (matched[i] < static_cast<int>(stems.size())) score[i] = 0;
  }
  std::vector<std::string> taxonomy_terms;
  if (!q.taxonomy_id.empty())
    for (const auto* term : directory_.of("taxonomy_term"))
      if (term->text("taxonomy_id") == q.taxonomy_id) taxonomy_terms.push_back(term->id);

  std::vector<std::pair<int, const MapService*>> hits;
  for (const auto slot : order_) {
    if (score[slot] == 0) continue;
    const auto& s = entries_[slot]->service;
    const auto has = [](const std::vector<std::string>& list, const std::string& v) {
      return std::find(list.begin(), list.end(), v) != list.end();
    };
    const bool everywhere = s.area_codes.empty() && s.postcodes.empty();
    if (!q.area_code.empty() && !everywhere &&
        std::none_of(s.area_codes.begin(), s.area_codes.end(),
                     [&](const std::string& code) { return area_covers(code, q.area_code); }))
      continue;
    if (!q.postcode.empty() && !everywhere && !has(s.postcodes, q.postcode) &&
        std::none_of(s.area_codes.begin(), s.area_codes.end(),
                     [](const std::string& code) { return code.starts_with("GM"); }))
      continue;
    if (std::any_of(q.term_ids.begin(), q.term_ids.end(),
                    [&](const std::string& t) { return !has(s.term_ids, t); }))
      continue;
    if (!q.taxonomy_id.empty() &&
        std::none_of(s.term_ids.begin(), s.term_ids.end(),
                     [&](const std::string& t) { return has(taxonomy_terms, t); }))
      continue;
    if (!q.organization_id.empty() && s.organization_id != q.organization_id) continue;
    if (q.active_only && !is_active(s)) continue;
    if (!q.weekday.empty() && !has(s.weekdays, q.weekday)) continue;
    if (!q.modified_after.empty() && s.last_modified < q.modified_after) continue;
    hits.emplace_back(score[slot], &s);
  }
  // Services are in name order already: a stable sort by score keeps it among equals.
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const MapService*> found;
  found.reserve(hits.size());
  for (const auto& [score_of, s] : hits) found.push_back(s);
  return found;
}

}  // namespace kompas::domain
