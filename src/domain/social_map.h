#pragma once
// The sociale kaart as frontline workers search it (issue 13): each service of the coalition's
// HSDS records with what a search needs — its words, the wijken and postcodes it serves, its
// taxonomy terms, the days it is open — and how to refer someone to it. Built once from a
// Directory, then brought up to date with each change of the records; searching it reads no
// database.
//
// Service areas say where a service is for: `extent_type` "cbs" with a CBS code (a wijk or buurt,
// or the gemeente) in `extent`, or "postcode" with a four-digit postcode. A service without areas
// is for the whole gemeente.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/hsds_records.h"
#include "domain/search_words.h"

namespace kompas::domain {

inline constexpr const char* kAreaTypeCbs = "cbs";
inline constexpr const char* kAreaTypePostcode = "postcode";

struct MapReferral {
  std::string contact, phone, email, url;
  std::string how;  // the service's application_process: what to do or say
};

struct MapService {
  const hsds::Record* record = nullptr;
  std::string name, description, organization_id, organization;
  std::vector<std::string> area_codes, postcodes;  // both empty: the whole gemeente
  std::vector<std::string> term_ids;
  std::vector<std::string> weekdays;  // "MO" .. "SU" from its weekly schedules
  MapReferral referral;
  std::string assured_date, last_modified;
  bool has_schedule = false, has_address = false;  // opening times; a location with an address
};

struct MapQuery {
  std::string text;
  std::string area_code;              // a wijk or buurt (CBS); empty: anywhere
  std::string postcode;               // four digits; empty: any
  std::vector<std::string> term_ids;  // each must be a term of the service
  std::string taxonomy_id;            // a term of this taxonomy
  std::string organization_id;
  std::string weekday;         // "MO" .. "SU": open that day
  std::string modified_after;  // ISO date or date-time; compared as text
  bool active_only = false;    // frontline workers see no inactive or ended services
};

// Whether frontline workers are shown the service at all: HSDS status "active", not
// "inactive" or "defunct" (ended).
bool is_active(const MapService& service);

// Whether someone can be referred to the service: it is active and has a way in (someone to
// call or mail, a website, how to apply, or an address). An activity of the plan put on the
// kaart without any of these (a training for professionals, a campaign week) is not a place.
bool is_referral_place(const MapService& service);

// The weekdays ("MO" .. "SU") of a schedule's byday.
std::vector<std::string> weekdays_of(const hsds::Record& schedule);

// Four digits, spaces and letters after them left off: "1234 AB" gives "1234".
std::optional<std::string> read_postcode(std::string_view typed);

class SocialMap {
 public:
  SocialMap(hsds::Directory directory, SearchLanguage language = SearchLanguage::dutch);
  // `before` brought up to date with what changed since it was made. Only the services that
  // read a changed record (or a record whose children changed) are made again; the others are
  // shared with `before`. Gives what the first constructor gives for the records as they are now.
  SocialMap(const SocialMap& before, hsds::RecordChanges changes);
  SocialMap(const SocialMap&) = delete;  // the index points into the directory
  SocialMap& operator=(const SocialMap&) = delete;

  const hsds::Directory& directory() const { return directory_; }
  // Every service, by name.
  const std::vector<const MapService*>& services() const { return by_name_; }
  const MapService* service(std::string_view id) const;
  // The services that answer the query: best matches first when words were typed, otherwise by
  // name. A wijk matches services for that wijk, for a buurt in it (and the other way round)
  // and for the whole gemeente.
  std::vector<const MapService*> search(const MapQuery& query) const;
  // Whether any service area names the postcode: a postcode the kaart does not know is told.
  bool knows_postcode(const std::string& postcode) const;

  // One service as made from the directory, with what making it read (kept with the map).
  struct Entry;

 private:
  SocialMap(const SocialMap& before, std::unordered_set<std::uint64_t> touched,
            hsds::RecordChanges&& changes);
  void add(std::shared_ptr<const Entry> entry);  // in a new slot, with its words
  std::function<bool(std::uint32_t, std::uint32_t)> by_name() const;  // slots, by name then id
  void list_by_name();                                                // by_name_ from order_

  hsds::Directory directory_;
  SearchLanguage language_;
  std::vector<std::shared_ptr<const Entry>> entries_;  // by slot; null when gone
  // The ids each slot's making read, hashed: those of slot s are
  // reads_[read_start_[s] .. read_start_[s + 1]).
  std::vector<std::uint32_t> read_start_;
  std::vector<std::uint64_t> reads_;
  std::vector<std::uint32_t> order_;  // the slots by name
  std::vector<const MapService*> by_name_;
  std::unordered_map<std::string_view, std::uint32_t> by_id_;  // views into the records
  // stem -> (slot, weight): a name's words weigh more than a description's.
  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, int>>> words_;
};

}  // namespace kompas::domain
