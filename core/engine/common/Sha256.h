// SHA-256 (FIPS 180-4) for data fingerprints and artifact hashes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace foresight {

class Sha256 {
 public:
  Sha256();
  // Feeds more bytes; may be called any number of times before digest().
  void update(std::string_view bytes);
  // The 32-byte digest; the object then starts over, empty.
  std::array<std::uint8_t, 32> digest();
  // The digest as 64 lowercase hex characters; starts over too.
  std::string hexDigest();

  // One-shot: lowercase hex SHA-256 of `bytes`.
  static std::string hex(std::string_view bytes);

 private:
  void reset();
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_{};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t totalBytes_ = 0;
};

}  // namespace foresight
