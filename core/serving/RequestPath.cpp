#include "serving/RequestPath.h"

#include "engine/common/Errors.h"  // quoteForMessage
#include "serving/HttpError.h"
#include "serving/QueryString.h"   // percentDecode, isValidUtf8

namespace foresight::serving {

RequestPath RequestPath::parse(const QByteArray& raw) {
  RequestPath p;
  const std::string_view text(raw.constData(), static_cast<std::size_t>(raw.size()));
  if (text.empty() || text.front() != '/') throw HttpError::badRequest("bad_path", "the request path must start with '/'");
  std::size_t pos = 1;
  while (pos <= text.size()) {
    const std::size_t slash = std::min(text.find('/', pos), text.size());
    const std::string_view rawSegment = text.substr(pos, slash - pos);
    pos = slash + 1;
    if (rawSegment.empty() && slash == text.size()) break;  // trailing slash
    const std::string segment = percentDecode(rawSegment, false);
    if (!isValidUtf8(segment)) throw HttpError::badRequest("invalid_utf8", "the request path is not valid UTF-8");
    if (segment == "." || segment == ".." || segment.find('/') != std::string::npos ||
        segment.find('\\') != std::string::npos || segment.find('\0') != std::string::npos)
      throw HttpError::badRequest("bad_path", "path segment " + quoteForMessage(segment) + " is not allowed");
    p.segments_.push_back(segment);
  }
  return p;
}

bool RequestPath::is(std::initializer_list<const char*> literal) const {
  if (literal.size() != segments_.size()) return false;
  std::size_t i = 0;
  for (const char* s : literal)
    if (segments_[i++] != s) return false;
  return true;
}

}  // namespace foresight::serving
