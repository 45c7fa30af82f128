#pragma once
// The page frame around every view: header, navigation along the cycle, language switch,
// notice after a saved form, footer.
//
// The frame is rendered once per language, section, role and "with a notice or not", with the
// places that differ per request (title, names, CSRF token, notice, body) left open as slots.
// Each request only fills those in; the fixed pieces are also kept compressed, so a gzip answer
// compresses none of the frame again.
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "web/core/gzip_pieces.h"

namespace kompas::web {

struct Ctx;

enum class LayoutSlot { title, coalition, switch_href, name, role, csrf, notice, body, count };

struct LayoutSkeleton {
  struct Piece {
    std::optional<LayoutSlot> slot;  // a place to fill in, or fixed text:
    std::string text;
    DeflatedPiece deflated;
  };
  std::vector<Piece> pieces;
};

// One request's frame: the shared skeleton and the HTML-escaped values for its slots (all but
// the body, which the caller puts in).
struct Layout {
  std::shared_ptr<const LayoutSkeleton> skeleton;
  std::array<std::string, static_cast<std::size_t>(LayoutSlot::count)> values;
  const std::string& value(LayoutSlot slot) const { return values[static_cast<std::size_t>(slot)]; }
};

// The skeletons made so far, for one application.
class LayoutSkeletons {
 public:
  std::shared_ptr<const LayoutSkeleton> find(const std::string& key) const;
  std::shared_ptr<const LayoutSkeleton> store(const std::string& key,
                                              std::shared_ptr<const LayoutSkeleton> skeleton);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const LayoutSkeleton>> skeletons_;
};

Layout layout_for(const Ctx& ctx, const std::string& title);

std::string render_layout(const Ctx& ctx, const std::string& title, const std::string& body);

}  // namespace kompas::web
