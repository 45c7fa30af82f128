#include "web/core/cached_response.h"

#include <algorithm>

#include "web/core/app.h"
#include "web/core/layout.h"

namespace kompas::web {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

// One response: the cached body in this request's layout, the session's token between the
// body's parts.
struct PageAnswer {
  std::shared_ptr<const CachedBody> body;
  Layout layout;
  std::string token;

  // The texts in order; views into this object, the skeleton and the cached body.
  std::vector<std::string_view> texts() const {
    std::vector<std::string_view> out;
    for (const auto& piece : layout.skeleton->pieces) {
      if (!piece.slot) {
        out.push_back(piece.text);
      } else if (*piece.slot != LayoutSlot::body) {
        out.push_back(layout.value(*piece.slot));
      } else {
        for (std::size_t i = 0; i < body->parts.size(); ++i) {
          if (i > 0) out.push_back(token);
          out.push_back(body->parts[i]);
        }
      }
    }
    return out;
  }

  // Everything fixed was compressed before; this request's few values go in stored.
  std::string gzip() const {
    std::vector<DeflatedPiece> values;
    values.reserve(layout.values.size() + 1);
    for (const auto& value : layout.values) values.push_back(stored_piece(value));
    const auto token_piece = stored_piece(token);
    std::vector<const DeflatedPiece*> order;
    for (const auto& piece : layout.skeleton->pieces) {
      if (!piece.slot) {
        order.push_back(&piece.deflated);
      } else if (*piece.slot != LayoutSlot::body) {
        order.push_back(&values[static_cast<std::size_t>(*piece.slot)]);
      } else {
        for (std::size_t i = 0; i < body->deflated.size(); ++i) {
          if (i > 0) order.push_back(&token_piece);
          order.push_back(&body->deflated[i]);
        }
      }
    }
    return join_gzip(order);
  }
};

}  // namespace

void send_cached_body(Ctx& ctx, std::shared_ptr<const CachedBody> body) {
  auto response = std::make_shared<PageAnswer>();
  response->layout = layout_for(ctx, body->title);
  response->body = std::move(body);
  if (ctx.viewer) response->token = ctx.viewer->csrf_token;
  ctx.res.set_header("Vary", "Accept-Encoding");

  // The parts are written straight from the cache; a gzip answer is compressed here already.
  if (accepts_gzip(ctx.req.get_header_value("Accept-Encoding"))) {
    ctx.res.set_content(response->gzip(), kHtml);
    ctx.res.set_header("Content-Encoding", "gzip");
    return;
  }
  auto texts = response->texts();
  ctx.res.set_pieces(std::move(texts), std::move(response), kHtml);
}

}  // namespace kompas::web
