#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_api_pages(App& app);  // the read API (/api/v1/) and its OpenAPI document
// The quality picture, self-scans and meetings with their decisions (issue 12).
void register_quality_api_pages(App& app);
// The sociale kaart as HSDS 3.0 (issue 13): /api/hsds/<gemeente>/...
void register_hsds_api(App& app);

namespace api {

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

inline void send_json(Ctx& ctx, const nlohmann::json& body) {
  ctx.res.set_content(body.dump(), "application/json");
}

}  // namespace api

}  // namespace kompas::web
