// Text helpers every reader shares, declared once.
#pragma once

#include <string_view>

namespace foresight {

// Without leading and trailing spaces and tabs: how a CSV cell, a list item
// or a header name is read ("  80 " is "80"; line breaks are content).
std::string_view trimBlanks(std::string_view text);
// Without leading and trailing ASCII whitespace (space, tab, CR, LF, VT,
// FF): for whole values read from files, where a line end may remain.
std::string_view trimWhitespace(std::string_view text);

}  // namespace foresight
