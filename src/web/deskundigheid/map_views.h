#pragma once
// The coalition's sociale kaart as pages and the HSDS API read it: its HSDS records with the
// search index of domain::SocialMap, built once per version of the kaart (store::map_version)
// and shared by requests.
#include <memory>

#include "domain/map_upkeep.h"
#include "domain/social_map.h"
#include "store/map_upkeep_store.h"
#include "web/core/app.h"
#include "web/ui/form.h"

namespace kompas::web {

std::shared_ptr<const domain::SocialMap> social_map(App& app, long long coalition_id);

// Where the pages of one coalition's kaart live: signed in or public.
struct MapPlace {
  domain::Coalition coalition;
  std::string base;  // "/deskundigheid/kaart" or "/openbaar/GM0000/kaart"
  bool is_public = false;
};
MapPlace signed_in_place(Ctx& ctx);
// The coalition of /openbaar/<gemeente>/kaart..., when its kaart is public; otherwise 404.
MapPlace public_place(Ctx& ctx);
std::string service_href(const MapPlace& place, const std::string& id);
// "Telefooncirkel (Welzijn Voorbeeld)": two organisations may offer a service of one name, and
// a page title names which it is about.
std::string service_title(const domain::MapService& service);
// "Not checked since 1 March 2025" for a service not confirmed in 12 months; null otherwise.
nlohmann::json stale_note(const Ctx& ctx, const domain::MapService& service);
// The completeness score and what is missing, in words.
nlohmann::json completeness_view(const Ctx& ctx, const domain::Completeness& completeness);
// The partner that keeps the service's organisation current: its own partner, or the one the
// beheerder named for an organisation that came with a file; none otherwise.
std::optional<long long> keeper_of(Ctx& ctx, const domain::MapService& service);
// The beheerder keeps every service current, a partner's staff their organisation's.
bool may_keep(Ctx& ctx, const domain::MapService& service);
// Who answers for a checked entry in public: the owning partner's address, not a person's own;
// the beheerder's for a service no partner keeps.
std::string assurer_email(Ctx& ctx, const domain::MapService& service);

// The services this person keeps: all for the beheerder, their organisation's for a partner's
// staff, none for a lezer.
std::vector<const domain::MapService*> kept_services(Ctx& ctx, const domain::SocialMap& map);
// The field to choose who keeps an organisation's services: the active partners by name, and
// the one that keeps them now (which may have stopped), so saving keeps it.
FieldSpec keeper_field(Ctx& ctx, const domain::MapService& service,
                       std::optional<long long> current_keeper);
// What a service page says of who keeps it: the partner's name, the form for the beheerder to
// name one for an organisation that came with a file; null on public pages.
nlohmann::json keeper_view(Ctx& ctx, const MapPlace& place, const domain::MapService& service);
// The corrections ("dit klopt niet") waiting for these services, oldest first.
std::vector<store::MapCorrection> corrections_waiting(
    Ctx& ctx, const std::vector<const domain::MapService*>& services);

// The service of the address's id (path parameter 1 signed in, 2 in public), or 404.
const domain::MapService& service_of_address(Ctx& ctx, const MapPlace& place,
                                             const domain::SocialMap& map);

// Every service of the kaart as HSDS NDJSON, one whole service per line: made once per version
// of the kaart (65 MB for a big city's 20,000 services) and sent without copying it.
void send_all_services(Ctx& ctx, long long coalition_id);

}  // namespace kompas::web
