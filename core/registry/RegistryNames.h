// Registry names (model names, aliases, tag keys) follow the product's one
// rule for names that may become paths or URLs: engine/common/SafeName.h.
#pragma once

#include <string>
#include <string_view>

namespace foresight::registry {

// isSafeName: [A-Za-z0-9][A-Za-z0-9._-]{0,127}
bool isValidName(std::string_view text);

// Throws InputError naming `what` ("model name", "alias", "tag key"), the
// offending text and the rule.
void requireValidName(std::string_view what, std::string_view text);

// Tag values: at most 1024 characters, no control characters.
void requireValidTagValue(std::string_view key, std::string_view value);

}  // namespace foresight::registry
