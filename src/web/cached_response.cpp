#include "web/cached_response.h"

#include <algorithm>

#include "web/app.h"
#include "web/layout.h"

namespace kompas::web {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

// One response: the cached body in this request's layout, the session's token between the
// body's parts.
struct Response {
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
  auto response = std::make_shared<Response>();
  response->layout = layout_for(ctx, body->title);
  response->body = std::move(body);
  if (ctx.viewer) response->token = ctx.viewer->csrf_token;
  ctx.res.set_header("Vary", "Accept-Encoding");

  // Content providers with a length: httplib would compress a plain body (again), and the
  // parts are written straight from the cache. For a Range request httplib asks for each range
  // (offset, length) and announced only those bytes, so never more than `length` is written.
  if (accepts_gzip(ctx.req.get_header_value("Accept-Encoding"))) {
    auto gzip = std::make_shared<const std::string>(response->gzip());
    ctx.res.set_header("Content-Encoding", "gzip");
    auto provide = [gzip](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
      return sink.write(gzip->data() + offset, std::min(length, gzip->size() - offset));
    };
    ctx.res.set_content_provider(gzip->size(), kHtml, std::move(provide));
    return;
  }
  auto texts = response->texts();
  std::size_t size = 0;
  for (const auto text : texts) size += text.size();
  // One piece per call; httplib asks again from the new offset.
  auto provide = [response, texts](std::size_t offset, std::size_t length,
                                   httplib::DataSink& sink) {
    for (const auto text : texts) {
      if (offset < text.size())
        return sink.write(text.data() + offset, std::min(length, text.size() - offset));
      offset -= text.size();
    }
    return false;
  };
  ctx.res.set_content_provider(size, kHtml, std::move(provide));
}

}  // namespace kompas::web
