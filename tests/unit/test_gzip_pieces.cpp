#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>
#include <vector>

#include "web/core/gzip_pieces.h"

using namespace kompas::web;

namespace {

// zlib's own gzip reader, which also checks the CRC-32 and length in the trailer.
std::string gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + MAX_WBITS), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[65536];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  EXPECT_EQ(result, Z_STREAM_END) << (stream.msg ? stream.msg : "");
  EXPECT_EQ(stream.avail_in, 0u) << "bytes after the gzip member";
  inflateEnd(&stream);
  return out;
}

std::string page_like(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  const std::vector<std::string> words{
      "<td class=\"utrecht-table__cell\">", "Wijk ", "eenzaam", "</td>", "\n", "ë", "12,5"};
  std::string text;
  while (text.size() < size)
    text += words[random() % words.size()] + std::to_string(random() % 100);
  return text.substr(0, size);
}

}  // namespace

TEST(GzipPieces, JoinedPiecesReadBackAsTheWholeText) {
  // Repeated pieces (the CSRF token between parts), empty ones, and one larger than the
  // 32 KiB window and zlib's block size.
  const std::vector<std::string> texts{
      page_like(4000, 1), "tok-3x", page_like(300000, 2), "tok-3x", "", "tok-3x", page_like(1, 3)};
  std::vector<DeflatedPiece> pieces;
  std::string whole;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    pieces.push_back(deflate_piece(texts[i], i % 2 ? Effort::fast : Effort::thorough));
    whole += texts[i];
  }
  std::vector<const DeflatedPiece*> order;
  for (const auto& piece : pieces) order.push_back(&piece);
  const auto gzip = join_gzip(order);
  EXPECT_EQ(gunzip(gzip), whole);
  EXPECT_LT(gzip.size(), whole.size() / 3);
}

TEST(GzipPieces, StoredPiecesMixWithCompressedOnes) {
  // Stored blocks hold at most 65,535 bytes each; the long one needs three.
  const std::vector<std::string> texts{"Anouk & <Beheer>", page_like(3000, 4), page_like(140000, 5),
                                       "", "x"};
  std::vector<DeflatedPiece> pieces;
  std::string whole;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    pieces.push_back(i == 1 ? deflate_piece(texts[i], Effort::thorough) : stored_piece(texts[i]));
    whole += texts[i];
  }
  std::vector<const DeflatedPiece*> order;
  for (const auto& piece : pieces) order.push_back(&piece);
  EXPECT_EQ(gunzip(join_gzip(order)), whole);
  EXPECT_EQ(pieces[2].deflated.size(), texts[2].size() + 3 * 5);
}

TEST(GzipPieces, NoPiecesIsAnEmptyFile) {
  EXPECT_EQ(gunzip(join_gzip({})), "");
}

TEST(GzipPieces, AcceptEncodingIsReadAsBrowsersAndClientsSendIt) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br, zstd"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, deflate"));
  EXPECT_FALSE(accepts_gzip("*;q=1, gzip;q=0"));  // the named coding decides
  EXPECT_FALSE(accepts_gzip("x-gzip2"));
  EXPECT_TRUE(accepts_gzip("GZIP"));
  EXPECT_TRUE(accepts_gzip("deflate,\tgzip ;\tq=0.001"));
  EXPECT_FALSE(accepts_gzip("gzip;Q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;level=1;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0;x"));
}
