// Fuzzes the model-spec language: ModelSpec::parse / parseList (the syntax,
// e.g. `ets(error=A,trend=Ad)`, `ensemble(members=ets+theta)`) and
// ModelFactory::create (the declared parameters). Oracles:
// - a syntax error is an InputError on the field "model spec" that gives a
//   1-based position inside the text (or just past its end);
// - a spec that parses prints (toString) as text that parses to the same
//   name and arguments, also for each member of a ',' or '+' list;
// - a spec the factory refuses is an InputError that names the model or one
//   of the spec's parameters; a model it makes prints its spec (specText)
//   as text that makes a model printing the same spec.
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzOracle.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ModelSpec.h"

using foresight::InputError;
using foresight::ModelFactory;
using foresight::ModelSpec;
using foresight::fuzz::check;
using foresight::fuzz::contains;

namespace {

// The 1-based position a syntax error gives ("... at position N").
void checkSyntaxError(const InputError& e, std::string_view text) {
  check(e.where().field == "model spec", "a syntax error is on the field 'model spec'", e.what());
  const std::string problem = e.problem();
  const std::size_t at = problem.rfind(" at position ");
  check(at != std::string::npos, "a syntax error gives a position", e.what());
  const std::string digits = problem.substr(at + 13);
  check(!digits.empty() && digits.size() < 12 && digits.find_first_not_of("0123456789") == std::string::npos,
        "the position is a number", e.what());
  const unsigned long long pos = std::stoull(digits);
  check(pos >= 1 && pos <= text.size() + 1, "the position lies inside the text", e.what());
}

void checkRoundTrip(const ModelSpec& spec) {
  const std::string printed = spec.toString();
  ModelSpec again;
  try {
    again = ModelSpec::parse(printed);
  } catch (const InputError& e) {
    foresight::fuzz::violated("a printed spec parses", printed + ": " + e.what());
  }
  check(again.name == spec.name && again.args == spec.args, "spec round-trips through toString", printed);
}

void checkList(std::string_view text, char separator) {
  std::vector<ModelSpec> specs;
  try {
    specs = ModelSpec::parseList(text, separator);
  } catch (const InputError& e) {
    checkSyntaxError(e, text);
    return;
  }
  check(!specs.empty(), "a list that parses has a member");
  for (const auto& s : specs) checkRoundTrip(s);
}

void checkFactory(const ModelSpec& spec) {
  std::string printed;
  try {
    printed = ModelFactory::create(spec)->specText();
  } catch (const InputError& e) {
    // Messages quote names, shortened the way quoteForMessage shortens them.
    const auto names = [&](const std::string& n) {
      return contains(e.what(), "'" + n + "'") || contains(e.what(), foresight::quoteForMessage(n));
    };
    bool named = names(spec.name);
    for (const auto& [key, value] : spec.args) named = named || names(key);
    check(named, "a refused spec names the model or a parameter", e.what());
    return;
  }
  std::string again;
  try {
    again = ModelFactory::create(printed)->specText();
  } catch (const InputError& e) {
    foresight::fuzz::violated("a model's printed spec makes a model", printed + ": " + e.what());
  }
  check(again == printed, "specText round-trips through the factory", printed + " -> " + again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 512) return 0;  // specs are one line; longer inputs only slow the search
  const std::string text(reinterpret_cast<const char*>(data), size);
  ModelSpec spec;
  bool parsed = false;
  try {
    spec = ModelSpec::parse(text);
    parsed = true;
  } catch (const InputError& e) {
    checkSyntaxError(e, text);
  }
  if (parsed) {
    checkRoundTrip(spec);
    checkFactory(spec);
  }
  checkList(text, ',');
  checkList(text, '+');
  return 0;
}
