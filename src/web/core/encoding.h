#pragma once
// What the server does to every answer before sending it: gzip for a client that accepts it,
// and the part a Range request asks for.
#include "web/core/http.h"

namespace kompas::web {

// Compresses a text body (HTML, CSS, JSON, CSV, SVG, JavaScript) when the client accepts gzip,
// the body is not compressed yet and no Range was asked: ranges count the bytes as they are.
void compress_if_accepted(const Request& req, Response& res);

// For one "bytes=first-last" range of a 200 answer to GET: 206 with those bytes, or 416 when
// the range lies beyond the body. Several ranges at once get the whole body (RFC 9110 allows it).
void apply_range(const Request& req, Response& res);

}  // namespace kompas::web
