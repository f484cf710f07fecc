// Declared command-line options for one command: the declaration drives
// parsing, validation and the --help text, so they never disagree.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace foresight::cli {

struct OptionSpec {
  std::string name;         // long name without dashes: "out"
  std::string valueName;    // "DIR"; empty for a flag
  std::string help;
  std::string defaultValue; // shown in help; used when the option is absent
  bool required = false;
};

struct PositionalSpec {
  std::string name;  // "SOURCE"
  std::string help;
  bool required = true;
};

// Result of parsing: option values by name, flags, positionals in order.
class ParsedArgs {
 public:
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  // The option's value, its declared default, or nullopt.
  std::optional<std::string> get(const std::string& name) const;
  std::string getOr(const std::string& name, const std::string& fallback) const;
  bool flag(const std::string& name) const { return has(name); }
  // Every value given for an option, in order (`--tag a=1 --tag b=2`).
  std::vector<std::string> getAll(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  // Integer option with bounds; throws UsageError naming the option.
  std::optional<long long> getInt(const std::string& name, long long min, long long max) const;

 private:
  friend class ArgParser;
  std::map<std::string, std::string> values_;  // last value given
  std::map<std::string, std::vector<std::string>> all_;
  std::map<std::string, std::string> defaults_;
  std::vector<std::string> positionals_;
};

class ArgParser {
 public:
  ArgParser(std::string usage, std::string summary);
  ArgParser& option(OptionSpec spec);
  ArgParser& flag(const std::string& name, const std::string& help);
  ArgParser& positional(PositionalSpec spec);

  // Throws UsageError naming the unknown option, missing value or argument.
  // Returns nullopt when --help was asked (the help text is then printed).
  std::optional<ParsedArgs> parse(const std::vector<std::string>& args) const;
  std::string helpText() const;

 private:
  const OptionSpec* find(const std::string& name) const;
  std::string usage_, summary_;
  std::vector<OptionSpec> options_;
  std::vector<PositionalSpec> positionals_;
};

}  // namespace foresight::cli
