// The service's API key: read from a file or $FORESIGHT_API_KEY, kept only as
// its SHA-256 and compared in constant time, so neither the key nor timing
// reveals it. Never logged.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

namespace foresight::serving {

class ApiKey {
 public:
  // A shorter key can be guessed by trying; 16 bytes of a random key are
  // 128 bits (docs/serving.md, "Security").
  static constexpr std::size_t kMinBytes = 16;
  static constexpr std::size_t kMaxBytes = 4096;

  // No key: every request is allowed.
  ApiKey() = default;
  // InputError naming `source` when empty after trimming, shorter than
  // kMinBytes or longer than kMaxBytes.
  static ApiKey fromValue(std::string_view value, const std::string& source);
  // The first line of the file, trimmed; InputError naming the file when it
  // is not a regular file, cannot be read or holds no valid key.
  static ApiKey fromFile(const std::filesystem::path& file);
  // $FORESIGHT_API_KEY when set (set but empty is an error: a key was meant
  // and is missing, so the service must not start open); unset: no key.
  static ApiKey fromEnvironment();

  bool configured() const { return configured_; }
  // Time depends only on the digest length, never on where the texts differ.
  bool matches(std::string_view presented) const;

 private:
  static std::array<unsigned char, 32> digest(std::string_view text);
  std::array<unsigned char, 32> digest_{};
  bool configured_ = false;
};

}  // namespace foresight::serving
