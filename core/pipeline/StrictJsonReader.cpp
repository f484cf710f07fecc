#include "pipeline/StrictJsonReader.h"

#include <algorithm>  // std::count, std::min
#include <cmath>      // std::isfinite

#include "engine/common/Errors.h"
#include "engine/io/JsonText.h"

namespace foresight::pipeline {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

nlohmann::json StrictJsonReader::parse(const std::string& text) const {
  try {
    return parseJsonText(text, file_);
  } catch (const JsonTextError& e) {
    // Named like every other finding in the file: "file: path: problem".
    if (e.kind() == JsonTextError::Kind::DuplicateKey) fail(e.where().field, e.problem());
    throw;
  }
}

std::string StrictJsonReader::join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string StrictJsonReader::describeType(const nlohmann::json& v) {
  if (v.is_string()) return "a string (" + quoteForMessage(v.get<std::string>(), 40) + ")";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return "a number (" + v.dump() + ")";
  if (v.is_array()) return "an array";
  if (v.is_object()) return "an object";
  return "null";
}

std::optional<std::string> StrictJsonReader::nearest(const std::string& key, std::initializer_list<const char*> known) {
  std::optional<std::string> best;
  std::size_t bestDistance = 0;
  for (const char* k : known) {
    const std::size_t d = editDistance(key, k);
    if (!best || d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Close enough to be a typo: a third of the key's letters at most.
  if (best && bestDistance <= std::max<std::size_t>(1, key.size() / 3)) return best;
  return std::nullopt;
}

void StrictJsonReader::fail(const std::string& path, const std::string& problem) const {
  throw InputError(InputLocation{file_, 0, "", ""}, (path.empty() ? std::string() : path + ": ") + problem);
}

void StrictJsonReader::requireObject(const nlohmann::json& value, const std::string& path,
                                     std::initializer_list<const char*> known) const {
  if (!value.is_object()) fail(path, "expected an object, got " + describeType(value));
  for (const auto& item : value.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture those
    if (std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) continue;
    const auto guess = nearest(key, known);
    std::string list;
    for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    fail(join(path, key), guess ? "unknown key (did you mean \"" + *guess + "\"?)" : "unknown key (known keys: " + list + ")");
  }
}

const nlohmann::json* StrictJsonReader::member(const nlohmann::json& object, const char* key) const {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> StrictJsonReader::text(const nlohmann::json& object, const std::string& path,
                                                  const char* key) const {
  const auto* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_string()) fail(join(path, key), "expected a string, got " + describeType(*v));
  return v->get<std::string>();
}

std::optional<long long> StrictJsonReader::integer(const nlohmann::json& object, const std::string& path,
                                                   const char* key, long long min, long long max) const {
  const auto* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) fail(join(path, key), "expected a whole number, got " + describeType(*v));
  const long long n = v->get<long long>();
  if (n < min || n > max)
    fail(join(path, key), "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                              std::to_string(n));
  return n;
}

std::optional<double> StrictJsonReader::number(const nlohmann::json& object, const std::string& path,
                                               const char* key, double min, double max) const {
  const auto* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_number()) fail(join(path, key), "expected a number, got " + describeType(*v));
  const double x = v->get<double>();
  if (!std::isfinite(x) || x < min || x > max)
    fail(join(path, key), "must be between " + nlohmann::json(min).dump() + " and " + nlohmann::json(max).dump() +
                              ", got " + v->dump());
  return x;
}

std::optional<bool> StrictJsonReader::boolean(const nlohmann::json& object, const std::string& path,
                                              const char* key) const {
  const auto* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) fail(join(path, key), "expected true or false, got " + describeType(*v));
  return v->get<bool>();
}

std::optional<std::vector<std::string>> StrictJsonReader::texts(const nlohmann::json& object, const std::string& path,
                                                                const char* key) const {
  const auto* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_array()) fail(join(path, key), "expected an array of strings, got " + describeType(*v));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.is_string())
      fail(join(path, key) + "[" + std::to_string(i) + "]", "expected a string, got " + describeType(item));
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::vector<double>> StrictJsonReader::numbers(const nlohmann::json& object, const std::string& path,
                                                             const char* key, double min, double max) const {
  const auto* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_array()) fail(join(path, key), "expected an array of numbers, got " + describeType(*v));
  std::vector<double> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    const std::string at = join(path, key) + "[" + std::to_string(i) + "]";
    if (!item.is_number()) fail(at, "expected a number, got " + describeType(item));
    const double x = item.get<double>();
    if (!(x >= min && x <= max))
      fail(at, "must be between " + nlohmann::json(min).dump() + " and " + nlohmann::json(max).dump());
    out.push_back(x);
  }
  return out;
}

}  // namespace foresight::pipeline
