#include "domain/service_edit.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "domain/hsds_spec.h"
#include "domain/social_map.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "domain/web_address.h"

namespace kompas::domain {
namespace {

constexpr const char* kOwnTermPrefix = "c0a1171e-0000-4000-8000-";
constexpr const char* kWeekdays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

const hsds::Nesting& nested(const char* parent, const char* property) {
  return hsds::nesting(parent, property);
}

// The own facet and word of a term id, when it is one of the own taxonomy's.
std::optional<std::pair<std::string, std::string>> own_term(const std::string& term_id) {
  if (!term_id.starts_with(kOwnTermPrefix)) return std::nullopt;
  for (const auto& facet : map_facets())
    for (const auto& word : facet.words)
      if (own_term_id(facet.code, word) == term_id) return std::pair{facet.code, word};
  return std::nullopt;
}

// A weekly schedule of days and times, with nothing the form cannot show.
bool is_simple_schedule(const hsds::Record& s) {
  const auto freq = s.text("freq");
  if (!freq.empty() && freq != "WEEKLY") return false;
  for (const char* field :
       {"valid_from", "valid_to", "dtstart", "timezone", "until", "count", "wkst", "interval",
        "byweekno", "bymonthday", "byyearday", "service_at_location_id", "location_id"})
    if (s.get(field)) return false;
  const auto byday = s.text("byday");  // split's views point into it
  for (const auto& day : split(byday, ','))
    if (trim(day).size() != 2) return false;  // "1MO": the first Monday of the month
  return true;
}

// "9", "9.30", "09:30" -> "09:30"; nullopt when it is not a time of day.
std::optional<std::string> read_time(std::string_view typed) {
  const auto text = trim(typed);
  const auto sep = text.find_first_of(":.");
  const auto hours = text.substr(0, sep);
  const auto minutes = sep == std::string::npos ? std::string("00") : text.substr(sep + 1);
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 2 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  if (!digits(hours) || !digits(minutes) || minutes.size() != 2) return std::nullopt;
  const int h = std::stoi(hours), m = std::stoi(minutes);
  if (h > 23 || m > 59) return std::nullopt;
  return (h < 10 ? "0" : "") + std::to_string(h) + ":" + minutes;
}

void set_text(hsds::Record& r, const char* field, const std::string& value) {
  r.set(field, value.empty() ? nlohmann::json() : nlohmann::json(value));
}

}  // namespace

const std::vector<std::string>& provinces() {
  static const std::vector<std::string> names = {
      "Drenthe",       "Flevoland",     "Friesland",  "Gelderland", "Groningen", "Limburg",
      "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht",    "Zeeland",   "Zuid-Holland"};
  return names;
}

EditableService editable_service(const hsds::Directory& d, const hsds::Record& service) {
  EditableService out;
  auto& draft = out.draft;
  draft.id = service.id;
  draft.organization_id = service.text("organization_id");
  draft.name = service.text("name");
  draft.description = service.text("description");
  draft.how_to_apply = service.text("application_process");
  draft.email = service.text("email");
  draft.url = service.text("url");
  draft.status = service.text("status");
  for (const auto* area : d.children(nested("service", "service_areas"), service)) {
    const auto type = area->text("extent_type");
    if (type == kAreaTypeCbs) draft.area_codes.push_back(area->text("extent"));
    if (type == kAreaTypePostcode) draft.postcodes.push_back(area->text("extent"));
  }
  for (const auto* attribute : d.children(nested("service", "attributes"), service))
    if (auto term = own_term(attribute->text("taxonomy_term_id")))
      draft.terms.push_back(std::move(*term));
  const auto schedules = d.children(nested("service", "schedules"), service);
  out.schedule_editable =
      schedules.empty() || (schedules.size() == 1 && is_simple_schedule(*schedules.front()));
  if (out.schedule_editable && !schedules.empty()) {
    const auto& s = *schedules.front();
    draft.byday = join_words(weekdays_of(s));
    draft.opens_at = s.text("opens_at").substr(0, 5);
    draft.closes_at = s.text("closes_at").substr(0, 5);
    draft.schedule_note = s.text("description");
  }
  const auto contacts = d.children(nested("service", "contacts"), service);
  if (!contacts.empty()) draft.contact = contacts.front()->text("name");
  const auto phones = contacts.empty() ? std::vector<const hsds::Record*>{}
                                       : d.children(nested("contact", "phones"), *contacts.front());
  const auto service_phones = d.children(nested("service", "phones"), service);
  if (!phones.empty())
    draft.phone = phones.front()->text("number");
  else if (!service_phones.empty())
    draft.phone = service_phones.front()->text("number");
  const auto at = d.children(nested("service", "service_at_locations"), service);
  if (!at.empty())
    if (const auto* location = d.find("location", at.front()->text("location_id"))) {
      draft.place = location->text("name");
      const auto addresses = d.children(nested("location", "addresses"), *location);
      if (!addresses.empty()) {
        draft.address = addresses.front()->text("address_1");
        draft.postal_code = addresses.front()->text("postal_code");
        draft.city = addresses.front()->text("city");
        draft.province = addresses.front()->text("state_province");
      }
    }
  return out;
}

FieldErrors read_service_draft(ServiceDraft& d, const std::string& typed_postcodes) {
  FieldErrors errors;
  for (auto* text : {&d.name, &d.description, &d.how_to_apply, &d.email, &d.url, &d.contact,
                     &d.phone, &d.opens_at, &d.closes_at, &d.schedule_note, &d.place, &d.address,
                     &d.postal_code, &d.city, &d.province})
    *text = trim(*text);
  if (d.name.empty()) errors["name"] = "error.required";
  check_length(errors, "name", d.name, kServiceNameLength);
  for (const auto& [field, text] :
       {std::pair{"description", &d.description}, std::pair{"how_to_apply", &d.how_to_apply},
        std::pair{"schedule_note", &d.schedule_note}})
    check_length(errors, field, *text, kServiceTextLength);
  for (const auto& [field, text] : {std::pair{"contact", &d.contact}, std::pair{"place", &d.place},
                                    std::pair{"address", &d.address}, std::pair{"city", &d.city}})
    check_length(errors, field, *text, kServiceNameLength);
  if (d.status != "active" && d.status != "inactive" && d.status != "defunct")
    errors["status"] = "error.choose";
  if (!d.email.empty()) {
    d.email = normalise_email(d.email);
    if (!is_valid_email(d.email)) errors["email"] = "error.email";
  }
  if (!d.url.empty() && check_length(errors, "url", d.url, text_limit::url)) {
    if (!d.url.starts_with("http://") && !d.url.starts_with("https://")) d.url = "https://" + d.url;
    if (!is_web_address(d.url)) errors["url"] = "error.url";
  }
  if (!d.phone.empty() && !is_valid_phone(d.phone)) errors["phone"] = "error.phone";
  // After the checks of form: a text too long says so, whatever else is wrong with it.
  check_length(errors, "phone", d.phone, text_limit::phone);

  d.postcodes.clear();
  std::string list = typed_postcodes;
  std::replace(list.begin(), list.end(), ';', ',');
  std::replace(list.begin(), list.end(), '\n', ',');
  for (const auto& item : split(list, ',')) {
    if (trim(item).empty()) continue;
    const auto postcode = read_postcode(item);
    if (!postcode) {
      errors["postcodes"] = "error.postcode";
      break;
    }
    if (std::find(d.postcodes.begin(), d.postcodes.end(), *postcode) == d.postcodes.end())
      d.postcodes.push_back(*postcode);
  }
  check_length(errors, "postcodes", typed_postcodes, text_limit::note);

  for (const auto& day : split(d.byday, ','))
    if (!day.empty() &&
        std::find(std::begin(kWeekdays), std::end(kWeekdays), day) == std::end(kWeekdays))
      errors["days"] = "error.choose";
  for (const auto& [field, time] :
       {std::pair{"opens_at", &d.opens_at}, std::pair{"closes_at", &d.closes_at}}) {
    if (time->empty()) continue;
    if (const auto read = read_time(*time))
      *time = *read;
    else
      errors[field] = "error.time";
  }
  if (d.byday.empty() && (!d.opens_at.empty() || !d.closes_at.empty()))
    errors["days"] = "error.days_needed";
  if (!errors.contains("opens_at") && !errors.contains("closes_at") && !d.opens_at.empty() &&
      !d.closes_at.empty() && d.closes_at <= d.opens_at)
    errors["closes_at"] = "error.time_order";

  if (!d.postal_code.empty()) {
    if (const auto digits = read_postcode(d.postal_code)) {
      std::string letters;
      for (const unsigned char c : d.postal_code)
        if (std::isalpha(c)) letters += static_cast<char>(std::toupper(c));
      d.postal_code = *digits + (letters.empty() ? "" : " " + letters);
    } else {
      errors["postal_code"] = "error.postcode";
    }
  }
  if (d.place.empty() && (!d.address.empty() || !d.postal_code.empty() || !d.city.empty()))
    errors["place"] = "error.place_needed";
  if (!d.address.empty()) {
    if (d.postal_code.empty()) errors["postal_code"] = "error.required";
    if (d.city.empty()) errors["city"] = "error.required";
    if (std::find(provinces().begin(), provinces().end(), d.province) == provinces().end())
      errors["province"] = "error.choose";
  }
  return errors;
}

ServiceChanges edit_service(const hsds::Directory& d, const hsds::Record& service,
                            const ServiceDraft& draft, bool schedule_editable,
                            const std::function<std::string()>& new_id) {
  const auto& spec = d.spec();
  ServiceChanges out;
  const auto make = [&](const char* table) {
    return hsds::make_record(*spec.table(table), new_id());
  };
  const auto remove = [&](const hsds::Record& r) { out.removed.emplace_back(r.table->name, r.id); };

  auto s = service;
  set_service_fields(s, draft);
  out.saved.push_back(std::move(s));

  // Areas and own terms: those still wanted keep their record, the others go, new ones come.
  std::vector<std::pair<std::string, std::string>> areas;  // type, extent
  for (const auto& code : draft.area_codes) areas.emplace_back(kAreaTypeCbs, code);
  for (const auto& postcode : draft.postcodes) areas.emplace_back(kAreaTypePostcode, postcode);
  for (const auto* area : d.children(nested("service", "service_areas"), service)) {
    const std::pair<std::string, std::string> key{area->text("extent_type"), area->text("extent")};
    if (key.first != kAreaTypeCbs && key.first != kAreaTypePostcode) continue;
    if (const auto kept = std::find(areas.begin(), areas.end(), key); kept != areas.end())
      areas.erase(kept);
    else
      remove(*area);
  }
  for (const auto& [type, extent] : areas) {
    auto r = make("service_area");
    r.set("service_id", service.id);
    r.set("name", extent);
    r.set("extent_type", type);
    r.set("extent", extent);
    out.saved.push_back(std::move(r));
  }
  auto terms = draft.terms;
  for (const auto* attribute : d.children(nested("service", "attributes"), service)) {
    const auto term = own_term(attribute->text("taxonomy_term_id"));
    if (!term) continue;
    if (const auto kept = std::find(terms.begin(), terms.end(), *term); kept != terms.end())
      terms.erase(kept);
    else
      remove(*attribute);
  }
  for (const auto& [facet, word] : terms) {
    auto r = make("attribute");
    r.set("link_id", service.id);
    r.set("link_entity", "service");
    r.set("link_type", facet);
    r.set("taxonomy_term_id", own_term_id(facet, word));
    out.saved.push_back(std::move(r));
  }

  if (schedule_editable) {
    const auto schedules = d.children(nested("service", "schedules"), service);
    if (draft.byday.empty()) {
      for (const auto* schedule : schedules) remove(*schedule);
    } else {
      auto r = schedules.empty() ? make("schedule") : *schedules.front();
      r.set("service_id", service.id);
      r.set("freq", "WEEKLY");
      r.set("byday", draft.byday);
      set_text(r, "opens_at", draft.opens_at);
      set_text(r, "closes_at", draft.closes_at);
      set_text(r, "description", draft.schedule_note);
      out.saved.push_back(std::move(r));
    }
  }

  // The contact and the phone a referral shows: the first contact's first phone, otherwise the
  // service's own first phone.
  const auto contacts = d.children(nested("service", "contacts"), service);
  std::optional<hsds::Record> contact;
  if (!contacts.empty()) contact = *contacts.front();
  std::optional<hsds::Record> phone;
  if (!contacts.empty())  // the directory's own record: children are found by its place there
    if (const auto phones = d.children(nested("contact", "phones"), *contacts.front());
        !phones.empty())
      phone = *phones.front();
  if (!phone)
    if (const auto phones = d.children(nested("service", "phones"), service); !phones.empty())
      phone = *phones.front();
  if (!contact && (!draft.contact.empty() || (!draft.phone.empty() && !phone))) {
    contact = make("contact");
    contact->set("service_id", service.id);
  }
  if (contact) {
    set_text(*contact, "name", draft.contact);
    out.saved.push_back(*contact);
  }
  if (draft.phone.empty()) {
    if (phone) remove(*phone);
  } else {
    if (!phone) {
      phone = make("phone");
      phone->set("contact_id", contact->id);
      phone->set("service_id", service.id);
    }
    phone->set("number", draft.phone);
    out.saved.push_back(*phone);
  }

  // The place: the location of the first service-at-location. A location belongs to the
  // organisation and may serve other services too, so no place removes only this service's link.
  const auto at = d.children(nested("service", "service_at_locations"), service);
  const auto* location = at.empty() ? nullptr : d.find("location", at.front()->text("location_id"));
  if (draft.place.empty()) {
    if (!at.empty()) {
      remove(*at.front());
      for (const auto* schedule :
           d.children(nested("service_at_location", "schedules"), *at.front()))
        remove(*schedule);
    }
    return out;
  }
  auto place = location ? *location : make("location");
  if (!location) {
    place.set("location_type", "physical");
    set_text(place, "organization_id", draft.organization_id);
    auto link = make("service_at_location");
    link.set("service_id", service.id);
    link.set("location_id", place.id);
    out.saved.push_back(std::move(link));
  }
  place.set("name", draft.place);
  out.saved.push_back(place);
  const auto addresses = location ? d.children(nested("location", "addresses"), *location)
                                  : std::vector<const hsds::Record*>{};
  if (draft.address.empty()) {
    for (const auto* address : addresses) remove(*address);
    return out;
  }
  auto address = addresses.empty() ? make("address") : *addresses.front();
  address.set("location_id", place.id);
  address.set("address_1", draft.address);
  address.set("city", draft.city);  // HSDS requires city, postal code, province and country
  address.set("postal_code", draft.postal_code);
  address.set("state_province", draft.province);
  if (!address.get("country")) address.set("country", "NL");
  if (!address.get("address_type")) address.set("address_type", "physical");
  out.saved.push_back(std::move(address));
  return out;
}

}  // namespace kompas::domain
