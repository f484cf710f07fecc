// Checks on raw file text before parsing: BOM, binary content, UTF-8 validity,
// and physical line numbers of byte offsets (for messages).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace foresight::detail {

// The text without a leading UTF-8 byte order mark.
std::string_view stripUtf8Bom(std::string_view text);

// 1-based physical line of the byte at `offset`; LF, CRLF and a lone CR each end a line.
std::size_t lineOfOffset(std::string_view text, std::size_t offset);

// Throws InputError (source, line) when the text holds NUL bytes or is not
// valid UTF-8 (a binary file, UTF-16, Latin-1), naming it "binary".
void requireUtf8Text(std::string_view text, const std::string& source);

}  // namespace foresight::detail
