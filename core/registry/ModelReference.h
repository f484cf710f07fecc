// A reference to one registered version: NAME@ALIAS, NAME/VERSION, or NAME
// alone (the latest version that is not archived).
#pragma once

#include <optional>
#include <string>

namespace foresight::registry {

struct ModelReference {
  std::string name;
  std::optional<std::string> alias;
  std::optional<int> version;

  // Throws InputError naming the text and the accepted forms.
  static ModelReference parse(const std::string& text);
  static ModelReference atVersion(std::string name, int version);
  static ModelReference atAlias(std::string name, std::string alias);
  std::string toString() const;
};

// A version number typed by a user ("3"); InputError naming `what` otherwise.
int parseVersionNumber(const std::string& text, const std::string& what);

}  // namespace foresight::registry
