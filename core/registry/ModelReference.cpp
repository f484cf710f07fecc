#include "registry/ModelReference.h"

#include <charconv>  // std::from_chars

#include "engine/common/Errors.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

int parseVersionNumber(const std::string& text, const std::string& what) {
  int v = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v < 1)
    throw InputError(InputLocation{"", 0, what, text}, "expected a version number (1, 2, ...)");
  return v;
}

ModelReference ModelReference::parse(const std::string& text) {
  ModelReference r;
  const auto at = text.find('@');
  const auto slash = text.find('/');
  if (at != std::string::npos && slash != std::string::npos)
    throw InputError(InputLocation{"", 0, "reference", text},
                     "use NAME@ALIAS or NAME/VERSION, not both");
  if (at != std::string::npos) {
    r.name = text.substr(0, at);
    r.alias = text.substr(at + 1);
    requireValidName("alias", *r.alias);
  } else if (slash != std::string::npos) {
    r.name = text.substr(0, slash);
    r.version = parseVersionNumber(text.substr(slash + 1), "version in " + text);
  } else {
    r.name = text;
  }
  requireValidName("model name", r.name);
  return r;
}

ModelReference ModelReference::atVersion(std::string name, int version) {
  return {std::move(name), std::nullopt, version};
}

ModelReference ModelReference::atAlias(std::string name, std::string alias) {
  return {std::move(name), std::move(alias), std::nullopt};
}

std::string ModelReference::toString() const {
  if (alias) return name + "@" + *alias;
  if (version) return name + "/" + std::to_string(*version);
  return name;
}

}  // namespace foresight::registry
