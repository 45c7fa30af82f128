#include "web/cached_response.h"

#include <string_view>

#include "web/app.h"
#include "web/layout.h"

namespace kompas::web {
namespace {

constexpr std::string_view kBodyMarker = "\x01body\x01";
constexpr const char* kHtml = "text/html; charset=utf-8";

// One response: the layout around the cached body, the session's token between its parts.
struct Response {
  std::shared_ptr<const CachedBody> body;
  std::string head, tail, token;

  // The texts in order; views into this object and the cached body.
  std::vector<std::string_view> texts() const {
    std::vector<std::string_view> out{head};
    for (std::size_t i = 0; i < body->parts.size(); ++i) {
      if (i > 0) out.push_back(token);
      out.push_back(body->parts[i]);
    }
    out.push_back(tail);
    return out;
  }

  std::string gzip() const {
    const auto fast = [](std::string_view text) { return deflate_piece(text, Effort::fast); };
    const auto head_piece = fast(head), token_piece = fast(token), tail_piece = fast(tail);
    std::vector<const DeflatedPiece*> order{&head_piece};
    for (std::size_t i = 0; i < body->deflated.size(); ++i) {
      if (i > 0) order.push_back(&token_piece);
      order.push_back(&body->deflated[i]);
    }
    order.push_back(&tail_piece);
    return join_gzip(order);
  }
};

}  // namespace

void send_cached_body(Ctx& ctx, std::shared_ptr<const CachedBody> body) {
  auto response = std::make_shared<Response>();
  response->body = std::move(body);
  const auto layout = render_layout(ctx, response->body->title, std::string(kBodyMarker));
  const auto at = layout.find(kBodyMarker);
  response->head = layout.substr(0, at);
  response->tail = layout.substr(at + kBodyMarker.size());
  if (ctx.viewer) response->token = ctx.viewer->csrf_token;
  ctx.res.set_header("Vary", "Accept-Encoding");

  // Content providers with a length: httplib would compress a plain body (again), and the
  // parts are written straight from the cache.
  if (accepts_gzip(ctx.req.get_header_value("Accept-Encoding"))) {
    auto gzip = std::make_shared<const std::string>(response->gzip());
    ctx.res.set_header("Content-Encoding", "gzip");
    ctx.res.set_content_provider(gzip->size(), kHtml,
                                 [gzip](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                   return sink.write(gzip->data() + offset, gzip->size() - offset);
                                 });
    return;
  }
  std::size_t size = 0;
  for (const auto text : response->texts()) size += text.size();
  ctx.res.set_content_provider(size, kHtml,
                               [response, texts = response->texts()](
                                   std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                 // httplib asks again from the new offset until everything is
                                 // written.
                                 for (const auto text : texts) {
                                   if (offset < text.size())
                                     return sink.write(text.data() + offset, text.size() - offset);
                                   offset -= text.size();
                                 }
                                 return false;
                               });
}

}  // namespace kompas::web
