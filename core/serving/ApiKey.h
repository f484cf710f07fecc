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
  // No key: every request is allowed.
  ApiKey() = default;
  // InputError when empty after trimming or longer than 4096 bytes.
  static ApiKey fromValue(std::string_view value, const std::string& source);
  // The first line of the file, trimmed; InputError naming the file when it
  // cannot be read or holds no key.
  static ApiKey fromFile(const std::filesystem::path& file);
  // $FORESIGHT_API_KEY when set and not empty, else no key.
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
