// The one rule for names and ids that may become part of a path, a URL or a
// shell word: model names, aliases, tag keys, pipeline names and run ids.
//
// 1 to 128 characters from A-Z a-z 0-9 . _ -, the first a letter or digit.
// The rule leaves no room for a separator, a leading dot ("..", ".hidden"), an
// absolute path, a drive letter, whitespace or a control character, so a name
// that passes can be joined to a folder without further checks. Callers check
// before they create anything.
#pragma once

#include <string_view>

namespace foresight {

// The rule in words, for error messages and docs.
inline constexpr std::string_view kSafeNameRule =
    "1 to 128 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit";

bool isSafeName(std::string_view text);

// Throws InputError naming `what` ("model name", "run id", ...), the text and
// the rule, with `field` (a config key path or a flag) as the location when
// given.
void requireSafeName(std::string_view what, std::string_view text, std::string_view field = {});

}  // namespace foresight
