#include "domain/map_records.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "domain/ambitions.h"
#include "domain/social_map.h"

namespace kompas::domain {
namespace {

// The own taxonomy's terms with their Dutch names (pages show the catalogue's text for the
// code). A term's id is its place in this list: new terms go at the end, ids never move.
struct OwnTerm {
  const char* code;
  const char* name;
};
constexpr OwnTerm kOwnTerms[] = {
    {"element", "Soort steun"},
    {"element.bezigheden", "Bezigheden"},
    {"element.ontmoeten", "Ontmoeten"},
    {"element.praktisch_ondersteunen", "Praktisch ondersteunen"},
    {"element.betekenisvol_contact", "Betekenisvol persoonlijk contact"},
    {"element.sociale_vaardigheden", "Sociale vaardigheden"},
    {"element.realistische_verwachtingen", "Realistische verwachtingen van relaties"},
    {"element.betekenisvolle_rol", "Een betekenisvolle rol"},
    {"target_group", "Doelgroep"},
    {"target_group.iedereen", "Alle inwoners"},
    {"target_group.jongeren", "Jongeren"},
    {"target_group.volwassenen", "Volwassenen"},
    {"target_group.65plus", "65-plussers"},
    {"target_group.75plus", "75-plussers"},
    {"target_group.mantelzorgers", "Mantelzorgers"},
    {"target_group.nieuwkomers", "Nieuwkomers"},
    {"target_group.beperking", "Mensen met een beperking"},
    {"target_group.alleenstaanden", "Alleenstaanden"},
    {"degree", "Mate van eenzaamheid"},
    {"degree.preventie", "Preventie (iedereen)"},
    {"degree.verhoogd_risico", "Verhoogd risico"},
    {"degree.matig", "Matig eenzaam"},
    {"degree.ernstig", "Ernstig eenzaam"},
    {"loneliness_type", "Soort eenzaamheid"},
    {"loneliness_type.sociaal", "Sociaal"},
    {"loneliness_type.emotioneel", "Emotioneel"},
};

std::size_t own_term_index(const std::string& code) {
  for (std::size_t i = 0; i < std::size(kOwnTerms); ++i)
    if (code == kOwnTerms[i].code) return i;
  throw std::logic_error("no own term " + code);
}

hsds::Record record(const hsds::Spec& spec, const char* table, std::string id) {
  return hsds::make_record(*spec.table(table), std::move(id));
}

}  // namespace

const std::vector<MapFacet>& map_facets() {
  static const std::vector<MapFacet> facets = {
      {"target_group", target_groups()},
      {"degree", loneliness_degrees()},
      {"element", effective_elements()},
      {"loneliness_type", {"sociaal", "emotioneel"}},
  };
  return facets;
}

std::string own_term_id(const std::string& facet, const std::string& word) {
  const auto n = std::to_string(own_term_index(word.empty() ? facet : facet + "." + word) + 1);
  return "c0a1171e-0000-4000-8000-" + std::string(12 - n.size(), '0') + n;
}

std::vector<hsds::Record> own_taxonomy(const hsds::Spec& spec) {
  std::vector<hsds::Record> records;
  auto taxonomy = record(spec, "taxonomy", kOwnTaxonomyId);
  taxonomy.set("name", "Coalitiekompas");
  taxonomy.set("description",
               "Soort steun (de zeven werkzame elementen), doelgroep, mate en soort eenzaamheid.");
  taxonomy.set("version", "1");
  records.push_back(std::move(taxonomy));
  for (const auto& facet : map_facets()) {
    auto top = record(spec, "taxonomy_term", own_term_id(facet.code));
    top.set("code", facet.code);
    top.set("name", kOwnTerms[own_term_index(facet.code)].name);
    top.set("description", kOwnTerms[own_term_index(facet.code)].name);
    top.set("taxonomy", "Coalitiekompas");
    top.set("taxonomy_id", kOwnTaxonomyId);
    top.set("language", "nl");
    records.push_back(std::move(top));
    for (const auto& word : facet.words) {
      const auto code = facet.code + "." + word;
      auto term = record(spec, "taxonomy_term", own_term_id(facet.code, word));
      term.set("code", code);
      term.set("name", kOwnTerms[own_term_index(code)].name);
      term.set("description", kOwnTerms[own_term_index(code)].name);
      term.set("parent_id", own_term_id(facet.code));
      term.set("taxonomy", "Coalitiekompas");
      term.set("taxonomy_id", kOwnTaxonomyId);
      term.set("language", "nl");
      records.push_back(std::move(term));
    }
  }
  return records;
}

PublishedActivity publish_activity(const hsds::Spec& spec, const Activity& a, const Partner& lead,
                                   const std::map<std::string, std::string>& area_names,
                                   const std::string& organization_id,
                                   const std::string& service_id,
                                   const std::function<std::string()>& new_id,
                                   const std::string& now, const std::string& today,
                                   const std::string& assurer_email) {
  PublishedActivity out;
  auto org = record(spec, "organization", organization_id);
  org.set("name", lead.name);
  org.set("description", lead.brings.empty() ? lead.name : lead.brings);
  out.records.push_back(std::move(org));

  auto service = record(spec, "service", service_id);
  service.set("organization_id", organization_id);
  service.set("name", a.name);
  if (!a.description.empty()) service.set("description", a.description);
  service.set("status", a.status == ActivityStatus::gestopt   ? "defunct"
                        : a.status == ActivityStatus::gepland ? "inactive"
                                                              : "active");
  if (!lead.contact_email.empty()) service.set("email", lead.contact_email);
  service.set("assured_date", today);
  if (!assurer_email.empty()) service.set("assurer_email", assurer_email);
  service.set("last_modified", now);
  out.records.push_back(std::move(service));

  for (const auto& code : a.areas) {
    auto area = record(spec, "service_area", new_id());
    area.set("service_id", service_id);
    const auto name = area_names.find(code);
    area.set("name", name == area_names.end() ? code : name->second);
    area.set("extent_type", "cbs");
    area.set("extent", code);
    out.records.push_back(std::move(area));
  }
  const auto attribute = [&](const std::string& facet, const std::string& word) {
    auto r = record(spec, "attribute", new_id());
    r.set("link_id", service_id);
    r.set("link_entity", "service");
    r.set("link_type", facet);
    r.set("taxonomy_term_id", own_term_id(facet, word));
    out.records.push_back(std::move(r));
  };
  if (std::find(target_groups().begin(), target_groups().end(), a.target_group) !=
      target_groups().end())
    attribute("target_group", a.target_group);
  for (const auto& element : a.elements) attribute("element", element);
  for (const auto& degree : a.degrees) attribute("degree", degree);
  if (a.loneliness_type == "beide") {
    attribute("loneliness_type", "sociaal");
    attribute("loneliness_type", "emotioneel");
  } else if (a.loneliness_type == "sociaal" || a.loneliness_type == "emotioneel") {
    attribute("loneliness_type", a.loneliness_type);
  }
  return out;
}

void set_service_fields(hsds::Record& service, const ServiceDraft& d) {
  service.set("name", d.name);
  service.set("status", d.status);
  for (const auto& [field, text] :
       {std::pair{"description", &d.description}, std::pair{"application_process", &d.how_to_apply},
        std::pair{"email", &d.email}, std::pair{"url", &d.url},
        std::pair{"assured_date", &d.assured_date}, std::pair{"assurer_email", &d.assurer_email},
        std::pair{"last_modified", &d.last_modified}})
    service.set(field, text->empty() ? nlohmann::json() : nlohmann::json(*text));
}

std::vector<hsds::Record> service_records(const hsds::Spec& spec, const ServiceDraft& d,
                                          const std::function<std::string()>& new_id) {
  std::vector<hsds::Record> out;
  const auto set_if = [](hsds::Record& r, const char* field, const std::string& value) {
    if (!value.empty()) r.set(field, value);
  };
  auto service = record(spec, "service", d.id);
  service.set("organization_id", d.organization_id);
  set_service_fields(service, d);
  out.push_back(std::move(service));
  const auto area = [&](const std::string& type, const std::string& extent) {
    auto r = record(spec, "service_area", new_id());
    r.set("service_id", d.id);
    r.set("name", extent);
    r.set("extent_type", type);
    r.set("extent", extent);
    out.push_back(std::move(r));
  };
  for (const auto& code : d.area_codes) area(kAreaTypeCbs, code);
  for (const auto& postcode : d.postcodes) area(kAreaTypePostcode, postcode);
  for (const auto& [facet, word] : d.terms) {
    auto r = record(spec, "attribute", new_id());
    r.set("link_id", d.id);
    r.set("link_entity", "service");
    r.set("link_type", facet);
    r.set("taxonomy_term_id", own_term_id(facet, word));
    out.push_back(std::move(r));
  }
  if (!d.byday.empty()) {
    auto r = record(spec, "schedule", new_id());
    r.set("service_id", d.id);
    r.set("freq", "WEEKLY");
    r.set("byday", d.byday);
    set_if(r, "opens_at", d.opens_at);
    set_if(r, "closes_at", d.closes_at);
    set_if(r, "description", d.schedule_note);
    out.push_back(std::move(r));
  }
  if (!d.contact.empty() || !d.phone.empty()) {
    const auto contact_id = new_id();
    auto contact = record(spec, "contact", contact_id);
    contact.set("service_id", d.id);
    set_if(contact, "name", d.contact);
    out.push_back(std::move(contact));
    if (!d.phone.empty()) {
      auto phone = record(spec, "phone", new_id());
      phone.set("contact_id", contact_id);
      phone.set("service_id", d.id);
      phone.set("number", d.phone);
      out.push_back(std::move(phone));
    }
  }
  if (!d.place.empty()) {
    const auto location_id = new_id();
    auto location = record(spec, "location", location_id);
    location.set("location_type", "physical");
    location.set("organization_id", d.organization_id);
    location.set("name", d.place);
    out.push_back(std::move(location));
    if (!d.address.empty()) {
      auto address = record(spec, "address", new_id());
      address.set("location_id", location_id);
      address.set("address_1", d.address);
      address.set("city", d.city);
      address.set("state_province", d.province);
      address.set("postal_code", d.postal_code);
      address.set("country", "NL");
      address.set("address_type", "physical");
      out.push_back(std::move(address));
    }
    auto at = record(spec, "service_at_location", new_id());
    at.set("service_id", d.id);
    at.set("location_id", location_id);
    out.push_back(std::move(at));
  }
  return out;
}

}  // namespace kompas::domain
