#pragma once
// Answers with a cached body inside a freshly rendered layout. The large body is never copied
// or compressed again: a browser that accepts gzip gets the cached compressed parts joined with
// the compressed layout and CSRF token; any other client gets the parts streamed as they are.
#include <memory>

#include "web/core/body_cache.h"

namespace kompas::web {

struct Ctx;

void send_cached_body(Ctx& ctx, std::shared_ptr<const CachedBody> body);

}  // namespace kompas::web
