#include "serving/ApiKey.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <cstdlib>  // std::getenv
#include <fstream>

#include "engine/common/Errors.h"

namespace foresight::serving {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::array<unsigned char, 32> ApiKey::digest(std::string_view text) {
  const QByteArray d = QCryptographicHash::hash(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())),
                                                QCryptographicHash::Sha256);
  std::array<unsigned char, 32> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<unsigned char>(d[static_cast<qsizetype>(i)]);
  return out;
}

ApiKey ApiKey::fromValue(std::string_view value, const std::string& source) {
  const std::string_view key = trim(value);
  if (key.empty()) throw InputError(InputLocation{source, 0, "api key", ""}, "the API key is empty");
  if (key.size() > 4096) throw InputError(InputLocation{source, 0, "api key", ""}, "the API key is longer than 4096 bytes");
  ApiKey k;
  k.digest_ = digest(key);
  k.configured_ = true;
  return k;
}

ApiKey ApiKey::fromFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(InputLocation{file.string(), 0, "", ""}, "cannot read the API key file");
  std::string line;
  std::getline(in, line);
  return fromValue(line, file.string());
}

ApiKey ApiKey::fromEnvironment() {
  const char* v = std::getenv("FORESIGHT_API_KEY");
  if (!v || trim(v).empty()) return {};
  return fromValue(v, "FORESIGHT_API_KEY");
}

bool ApiKey::matches(std::string_view presented) const {
  if (!configured_) return true;
  // Comparing digests of equal length makes the time independent of the
  // presented key's length and of the first differing byte.
  const auto d = digest(presented);
  unsigned diff = 0;
  for (std::size_t i = 0; i < d.size(); ++i) diff |= static_cast<unsigned>(d[i] ^ digest_[i]);
  return diff == 0;
}

}  // namespace foresight::serving
