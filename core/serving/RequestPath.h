// A request path split into percent-decoded segments, each checked to be
// UTF-8 and free of '/', NUL and dot segments, so that a name taken from the
// path can never point anywhere but at a registry record.
#pragma once

#include <QByteArray>
#include <string>
#include <vector>

namespace foresight::serving {

class RequestPath {
 public:
  // `raw` is the path as sent (percent-encoded). HttpError 400 for invalid
  // UTF-8, an encoded '/', NUL, or a "." / ".." segment.
  static RequestPath parse(const QByteArray& raw);

  const std::vector<std::string>& segments() const { return segments_; }
  std::size_t size() const { return segments_.size(); }
  const std::string& operator[](std::size_t i) const { return segments_[i]; }
  // True when the path is exactly these literal segments.
  bool is(std::initializer_list<const char*> literal) const;

 private:
  std::vector<std::string> segments_;
};

}  // namespace foresight::serving
