// Reads values out of a JSON configuration strictly: unknown keys are
// refused with their JSON path and the nearest known key ("backtest.fold:
// unknown key (did you mean "folds"?)"), wrong types are named, and every
// message starts with the file, so a typo in a CI config fails loudly
// instead of silently falling back to a default.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace foresight::pipeline {

class StrictJsonReader {
 public:
  explicit StrictJsonReader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  // Parses `text`; InputError naming the file and line of a syntax error.
  nlohmann::json parse(const std::string& text) const;

  // `value` (at `path`, "" for the root) must be an object whose keys are all in `known`.
  void requireObject(const nlohmann::json& value, const std::string& path,
                     std::initializer_list<const char*> known) const;

  // Optional members of `object` at `path`; absent or null gives nullopt.
  std::optional<std::string> text(const nlohmann::json& object, const std::string& path, const char* key) const;
  std::optional<long long> integer(const nlohmann::json& object, const std::string& path, const char* key,
                                   long long min, long long max) const;
  std::optional<double> number(const nlohmann::json& object, const std::string& path, const char* key,
                               double min, double max) const;
  std::optional<bool> boolean(const nlohmann::json& object, const std::string& path, const char* key) const;
  std::optional<std::vector<std::string>> texts(const nlohmann::json& object, const std::string& path,
                                                const char* key) const;
  std::optional<std::vector<double>> numbers(const nlohmann::json& object, const std::string& path,
                                             const char* key, double min, double max) const;

  // "a.b" joined paths.
  static std::string join(const std::string& path, const std::string& key);
  // "a string", "a number (28)", "an array", ... for messages.
  static std::string describeType(const nlohmann::json& value);
  // The known key closest to `key` by edit distance, when it is close enough.
  static std::optional<std::string> nearest(const std::string& key, std::initializer_list<const char*> known);

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;

 private:
  const nlohmann::json* member(const nlohmann::json& object, const char* key) const;
  std::string file_;
};

}  // namespace foresight::pipeline
