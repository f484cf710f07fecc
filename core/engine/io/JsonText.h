// The one reader of JSON text that comes from a user or a client: pipeline
// configs, promotion policies, model artifacts, registry bundles and
// artifacts, REST bodies, the CLI's JSON files. Every one of them goes
// through parseJsonText, so they all refuse the same things the same way:
//
// - a syntax error: InputError on the line of the error, "not valid JSON
//   (... at line L, column C: ...)";
// - a number beyond double's range (1e309): "a number is out of range";
// - a key repeated in one object ({"horizon": 1, "horizon": 900}): nlohmann
//   would keep the last silently, so a config could say one thing to a
//   reader and do another. InputError whose field is the key's path
//   ("horizon", "versions[1].tags.k"), "the key appears more than once in
//   the same object".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/common/Errors.h"

namespace foresight {

class JsonTextError : public InputError {
 public:
  enum class Kind { Syntax, NumberOutOfRange, DuplicateKey };
  JsonTextError(Kind kind, InputLocation where, const std::string& problem)
      : InputError(std::move(where), problem), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// `text` as JSON; JsonTextError naming `source` (a file or "request body").
nlohmann::json parseJsonText(std::string_view text, const std::string& source);

}  // namespace foresight
