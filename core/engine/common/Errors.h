// Typed errors thrown by the core; only the edges (CLI main, GUI job runner,
// HTTP handler) catch them and turn them into exit codes, dialogs or replies.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace foresight {

// Base of every error the core throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where in the user's input a problem sits. Empty/zero members are unknown.
struct InputLocation {
  std::string file;
  std::size_t line = 0;    // 1-based physical line, 0 = not line-specific
  std::string field;       // column name or key path
  std::string value;       // offending text, shortened for messages

  // "file:line: field 'x'" style prefix; empty when nothing is known.
  std::string describe() const;
};

// Bad input from the user: a file, a value, an argument. Exit code 2.
class InputError : public Error {
 public:
  InputError(InputLocation where, const std::string& problem);
  explicit InputError(const std::string& problem) : InputError(InputLocation{}, problem) {}
  const InputLocation& where() const { return where_; }
  const std::string& problem() const { return problem_; }

 private:
  InputLocation where_;
  std::string problem_;
};

// The user asked for something that does not make sense (bad option). Exit 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Long work stopped because its cancellation token was set.
class CancelledError : public Error {
 public:
  CancelledError() : Error("cancelled") {}
};

// Shortens a value for inclusion in an error message (keeps messages one line).
std::string quoteForMessage(std::string_view text, std::size_t maxChars = 60);

}  // namespace foresight
