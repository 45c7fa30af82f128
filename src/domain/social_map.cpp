#include "domain/social_map.h"

#include <algorithm>
#include <cctype>
#include <map>

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

std::string lower_key(const std::string& name) {
  return lower_ascii(name);
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

SocialMap::SocialMap(hsds::Directory directory, SearchLanguage language)
    : directory_(std::move(directory)), language_(language) {
  const auto& d = directory_;
  const auto& areas = hsds::nesting("service", "service_areas");
  const auto& attributes = hsds::nesting("service", "attributes");
  const auto& schedules = hsds::nesting("service", "schedules");
  const auto& at_locations = hsds::nesting("service", "service_at_locations");
  const auto& location_schedules = hsds::nesting("service_at_location", "schedules");
  const auto& contacts = hsds::nesting("service", "contacts");
  const auto& phones = hsds::nesting("service", "phones");
  const auto& contact_phones = hsds::nesting("contact", "phones");

  for (const auto* r : d.of("service")) {
    MapService s;
    s.record = r;
    s.name = r->text("name");
    s.description = r->text("description");
    s.organization_id = r->text("organization_id");
    if (const auto* org = d.find("organization", s.organization_id))
      s.organization = org->text("name");
    for (const auto* area : d.children(areas, *r)) {
      const auto type = area->text("extent_type");
      if (type == kAreaTypeCbs) add_unique(s.area_codes, area->text("extent"));
      if (type == kAreaTypePostcode) add_unique(s.postcodes, area->text("extent"));
    }
    for (const auto* attribute : d.children(attributes, *r))
      add_unique(s.term_ids, attribute->text("taxonomy_term_id"));
    auto weekly = d.children(schedules, *r);
    for (const auto* sal : d.children(at_locations, *r))
      for (const auto* schedule : d.children(location_schedules, *sal)) weekly.push_back(schedule);
    s.has_schedule = !weekly.empty();
    for (const auto* sal : d.children(at_locations, *r))
      if (!d.children(hsds::nesting("location", "addresses"), sal->text("location_id")).empty())
        s.has_address = true;
    for (const auto* schedule : weekly) {
      const auto freq = schedule->text("freq");
      if (!freq.empty() && freq != "WEEKLY") continue;
      for (const auto& day : weekdays_of(*schedule)) add_unique(s.weekdays, day);
    }
    const auto people = d.children(contacts, *r);
    if (!people.empty()) {
      s.referral.contact = people.front()->text("name");
      s.referral.email = people.front()->text("email");
      for (const auto* phone : d.children(contact_phones, *people.front())) {
        s.referral.phone = phone->text("number");
        break;
      }
    }
    if (s.referral.email.empty()) s.referral.email = r->text("email");
    if (s.referral.phone.empty())
      for (const auto* phone : d.children(phones, *r)) {
        s.referral.phone = phone->text("number");
        break;
      }
    s.referral.url = r->text("url");
    s.referral.how = r->text("application_process");
    s.assured_date = r->text("assured_date");
    s.last_modified = r->text("last_modified");
    services_.push_back(std::move(s));
  }
  std::sort(services_.begin(), services_.end(), [](const MapService& a, const MapService& b) {
    return lower_ascii(a.name) < lower_ascii(b.name);
  });
  // Organisations and terms recur across services: their stems are made once.
  std::unordered_map<std::string, std::vector<std::string>> stems_of;
  const auto stems_once = [&](const std::string& text) -> const std::vector<std::string>& {
    auto found = stems_of.find(text);
    if (found == stems_of.end())
      found = stems_of.emplace(text, search_stems(text, language_)).first;
    return found->second;
  };
  for (std::size_t i = 0; i < services_.size(); ++i) {
    const auto& s = services_[i];
    by_id_.emplace(s.record->id, i);
    std::map<std::string, int> weights;
    for (const auto& stem : search_stems(s.name, language_)) weights[stem] += 10;
    for (const auto& stem : search_stems(s.record->text("alternate_name"), language_))
      weights[stem] += 5;
    for (const auto& stem : stems_once(s.organization)) weights[stem] += 3;
    for (const auto& stem : search_stems(s.description, language_)) weights[stem] += 1;
    for (const auto& term_id : s.term_ids)
      if (const auto* term = d.find("taxonomy_term", term_id))
        for (const auto& stem : stems_once(term->text("name"))) weights[stem] += 2;
    for (const auto& [stem, weight] : weights) words_[stem].emplace_back(i, weight);
  }
}

const MapService* SocialMap::service(std::string_view id) const {
  const auto found = by_id_.find(std::string(id));
  return found == by_id_.end() ? nullptr : &services_[found->second];
}

bool SocialMap::knows_postcode(const std::string& postcode) const {
  for (const auto& s : services_)
    if (std::find(s.postcodes.begin(), s.postcodes.end(), postcode) != s.postcodes.end())
      return true;
  return false;
}

std::vector<const MapService*> SocialMap::search(const MapQuery& q) const {
  // Scores per service: every typed word must be found.
  std::vector<int> score(services_.size(), q.text.empty() ? 1 : 0);
  if (!q.text.empty()) {
    const auto stems = search_stems(q.text, language_);
    if (stems.empty()) return {};
    std::vector<int> matched(services_.size(), 0);
    for (const auto& stem : stems) {
      const auto found = words_.find(stem);
      if (found == words_.end()) return {};
      for (const auto& [i, weight] : found->second) {
        ++matched[i];
        score[i] += weight;
      }
    }
    for (std::size_t i = 0; i < services_.size(); ++i)
      if (matched[i] < static_cast<int>(stems.size())) score[i] = 0;
  }
  std::vector<std::string> taxonomy_terms;
  if (!q.taxonomy_id.empty())
    for (const auto* term : directory_.of("taxonomy_term"))
      if (term->text("taxonomy_id") == q.taxonomy_id) taxonomy_terms.push_back(term->id);

  std::vector<std::pair<int, std::size_t>> hits;
  for (std::size_t i = 0; i < services_.size(); ++i) {
    if (score[i] == 0) continue;
    const auto& s = services_[i];
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
    hits.emplace_back(score[i], i);
  }
  // Services are in name order already: a stable sort by score keeps it among equals.
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const MapService*> found;
  found.reserve(hits.size());
  for (const auto& [s, i] : hits) found.push_back(&services_[i]);
  return found;
}

}  // namespace kompas::domain
