#include "serving/ApiKey.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <cstdlib>  // std::getenv
#include <fstream>

#include "engine/common/Errors.h"
#include "engine/common/Text.h"
#include "engine/io/InputFile.h"

namespace foresight::serving {

std::array<unsigned char, 32> ApiKey::digest(std::string_view text) {
  const QByteArray d = QCryptographicHash::hash(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())),
                                                QCryptographicHash::Sha256);
  std::array<unsigned char, 32> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<unsigned char>(d[static_cast<qsizetype>(i)]);
  return out;
}

ApiKey ApiKey::fromValue(std::string_view value, const std::string& source) {
  const std::string_view key = trimWhitespace(value);
  const InputLocation where{source, 0, "api key", ""};
  if (key.empty()) throw InputError(where, "the API key is empty");
  if (key.size() < kMinBytes)
    throw InputError(where, "the API key has " + std::to_string(key.size()) + " bytes; at least " +
                                std::to_string(kMinBytes) + " are required");
  if (key.size() > kMaxBytes)
    throw InputError(where, "the API key is longer than " + std::to_string(kMaxBytes) + " bytes");
  ApiKey k;
  k.digest_ = digest(key);
  k.configured_ = true;
  return k;
}

ApiKey ApiKey::fromFile(const std::filesystem::path& file) {
  const InputLocation where{file.string(), 0, "", ""};
  requireRegularFile(file);  // a folder, FIFO or device is refused naming the file
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(where, "cannot read the API key file");
  std::string line;
  std::getline(in, line);
  return fromValue(line, file.string());
}

ApiKey ApiKey::fromEnvironment() {
  const char* v = std::getenv("FORESIGHT_API_KEY");
  if (!v) return {};
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
