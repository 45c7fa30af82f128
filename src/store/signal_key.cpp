#include "store/signal_key.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace kompas::store {
namespace {

constexpr std::string_view kHeader = "kompas-signaalsleutel-1 ";

void start_libsodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

bool open_to_others(const std::filesystem::path& file) {
  using std::filesystem::perms;
  const auto mode = std::filesystem::status(file).permissions();
  return (mode & (perms::group_all | perms::others_all)) != perms::none;
}

SignalKey SignalKey::read(const std::filesystem::path& file) {
  start_libsodium();
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line))
    throw std::runtime_error("cannot read the signal key file " + file.string());
  SignalKey key;
  std::size_t length = 0;
  if (!line.starts_with(kHeader) ||
      sodium_hex2bin(key.key_.data(), key.key_.size(), line.data() + kHeader.size(),
                     line.size() - kHeader.size(), nullptr, &length, nullptr) != 0 ||
      length != key.key_.size())
    throw std::runtime_error("the signal key file " + file.string() + " is not a key");
  return key;
}

bool SignalKey::create(const std::filesystem::path& file) {
  start_libsodium();
  std::array<unsigned char, crypto_secretbox_KEYBYTES> key{};
  crypto_secretbox_keygen(key.data());
  const auto text = std::string(kHeader) + to_hex(key.data(), key.size()) + "\n";
  sodium_memzero(key.data(), key.size());
  // O_EXCL: never overwrite a key, since what it sealed would be lost.
  FILE* out = nullptr;
  const auto old_mask = umask(077);
  out = std::fopen(file.c_str(), "wx");
  umask(old_mask);
  if (!out) {
    if (std::filesystem::exists(file)) return false;
    throw std::runtime_error("cannot write the signal key file " + file.string());
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if (std::fclose(out) != 0 || !ok)
    throw std::runtime_error("cannot write the signal key file " + file.string());
  return true;
}

std::string SignalKey::seal(std::string_view plain) const {
  if (plain.empty()) return "";
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plain.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        box.data(), key_.data());
  std::string out(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating zero
  return out;
}

std::optional<std::string> SignalKey::open(std::string_view sealed) const {
  if (sealed.empty()) return std::string();
  std::vector<unsigned char> box(sealed.size());
  std::size_t size = 0;
  if (sodium_base642bin(box.data(), box.size(), sealed.data(), sealed.size(), nullptr, &size,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      size < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  std::string plain(size - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES,
                                 size - crypto_secretbox_NONCEBYTES, box.data(), key_.data()) != 0)
    return std::nullopt;
  return plain;
}

std::string SignalKey::keyed_hash(std::string_view text) const {
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), key_.data(), key_.size());
  return to_hex(hash.data(), hash.size());
}

std::filesystem::path default_signal_key_file(const Location& db) {
  return db.engine == Engine::sqlite ? db.connect_string + ".key" : "kompas.key";
}

}  // namespace kompas::store
