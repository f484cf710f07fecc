// A model spec as users write it: `ets(error=A,trend=Ad,season=A)`,
// `arima(p=2,d=0,q=2)`, `ensemble(members=ets+theta; combine=median)`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foresight {

struct ModelSpec {
  std::string name;                                        // "ets"
  std::vector<std::pair<std::string, std::string>> args;   // in written order

  // Arguments are separated by ',' or ';' at the top level; values may hold
  // nested parentheses (ensemble members). Throws InputError naming the
  // position on bad syntax (unbalanced parentheses, missing '=', duplicate key).
  static ModelSpec parse(std::string_view text);
  // Splits "snaive,ets(error=A,trend=N),theta" into specs at top-level
  // separators (',' by default; '+' for ensemble members "ets+theta").
  static std::vector<ModelSpec> parseList(std::string_view text, char separator = ',');
  // Canonical text: name(k=v,...) in written order; just name with no args.
  std::string toString() const;
};

}  // namespace foresight
