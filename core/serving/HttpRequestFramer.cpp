#include "serving/HttpRequestFramer.h"

#include <QList>
#include <algorithm>

#include "engine/common/Errors.h"

namespace foresight::serving {

namespace {

using Rejection = HttpRequestFramer::Rejection;

// RFC 9110 section 5.6.2: tchar.
bool isTokenChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= '0' && u <= '9') return true;
  if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView s) { return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTokenChar); }

// Field values: visible ASCII, SP, HTAB and obs-text; no other control bytes.
bool isFieldValue(QByteArrayView s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
  });
}

QByteArrayView trimOws(QByteArrayView s) {
  while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t')) s = s.sliced(1);
  while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t')) s.chop(1);
  return s;
}

std::string shown(QByteArrayView s) { return quoteForMessage(std::string_view(s.data(), static_cast<std::size_t>(s.size()))); }

Rejection bad(const std::string& code, const std::string& message) { return {400, code, message}; }

// A comma-separated header value holds `token` (case-insensitive).
bool listHas(QByteArrayView value, QByteArrayView token) {
  for (const QByteArray& item : value.toByteArray().split(','))
    if (trimOws(item).compare(token, Qt::CaseInsensitive) == 0) return true;
  return false;
}

// Methods QtHttpServer 6.4 knows; others would reach the service as "UNKNOWN".
bool parserKnowsMethod(QByteArrayView m) {
  for (const char* k : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT"})
    if (m == QByteArrayView(k)) return true;
  return false;
}

}  // namespace

HttpRequestFramer::HttpRequestFramer(const ServingLimits& limits) : limits_(limits) {}

std::optional<Rejection> HttpRequestFramer::feed(QByteArrayView bytes, std::vector<Request>& accepted) {
  if (failed_) return Rejection{400, "bad_framing", "the connection already failed framing"};
  while (!bytes.isEmpty()) {
    if (bodyLeft_ > 0) {
      // Body bytes are only counted: their content is the service's business.
      const qint64 n = std::min<qint64>(bodyLeft_, bytes.size());
      bodyLeft_ -= n;
      bytes = bytes.sliced(n);
      continue;
    }
    // Head bytes: copied until the blank line, checked on the way so that a
    // stray LF or an oversized head is refused before it is complete.
    const qsizetype end = bytes.indexOf("\n");
    const QByteArrayView part = end < 0 ? bytes : bytes.first(end + 1);
    bytes = bytes.sliced(part.size());
    head_ += part;
    if (auto limit = firstLimitCrossed(end >= 0)) {
      failed_ = true;
      return *limit;
    }
    if (end < 0) continue;
    if (head_.size() < 2 || head_[head_.size() - 2] != '\r') {
      failed_ = true;
      return bad("bad_line_end", "request lines and header lines must end with CRLF; a bare LF was sent");
    }
    if (head_ == "\r\n") {
      // RFC 9112 section 2.2: an empty line before a request line is ignored.
      head_.clear();
      continue;
    }
    if (!head_.endsWith("\r\n\r\n")) continue;
    head_.chop(2);
    auto parsed = parseHead(head_, limits_);
    head_.clear();
    if (auto* r = std::get_if<Rejection>(&parsed)) {
      failed_ = true;
      return *r;
    }
    const Request& request = std::get<Request>(parsed);
    bodyLeft_ = request.contentLength;
    accepted.push_back(request);
  }
  return std::nullopt;
}

std::optional<HttpRequestFramer::Rejection> HttpRequestFramer::firstLimitCrossed(bool lineComplete) const {
  // The stream is refused at the first byte that breaks a limit, for the
  // limit that byte breaks, so the same bytes get the same answer however
  // they were split into reads (a reply that depended on TCP segmentation
  // would let a proxy and this service disagree). Two limits: the bytes of
  // the current line before its LF (its content and CR), and the whole head.
  const qsizetype size = head_.size();
  const qsizetype lineEnd = lineComplete ? size - 1 : size;  // exclusive, without the LF
  const qsizetype lineStart = lineEnd > 0 ? head_.lastIndexOf('\n', lineEnd - 1) + 1 : 0;
  const qsizetype lineBreak = lineStart + limits_.maxHeaderLineBytes + 1;  // index of the first byte too many
  const qsizetype headBreak = limits_.maxHeaderBytes + 2;
  const bool lineBroken = lineEnd > lineBreak;
  const bool headBroken = size > headBreak;
  if (headBroken && (!lineBroken || headBreak <= lineBreak))
    return Rejection{431, "headers_too_large",
                     "the request line and headers exceed " + std::to_string(limits_.maxHeaderBytes) + " bytes"};
  if (lineBroken)
    return Rejection{431, "header_line_too_large",
                     "a request or header line exceeds " + std::to_string(limits_.maxHeaderLineBytes) + " bytes"};
  return std::nullopt;
}

std::variant<HttpRequestFramer::Request, HttpRequestFramer::Rejection> HttpRequestFramer::parseHead(
    QByteArrayView head, const ServingLimits& limits) {
  if (head.size() > limits.maxHeaderBytes)
    return Rejection{431, "headers_too_large",
                     "the request line and headers exceed " + std::to_string(limits.maxHeaderBytes) + " bytes"};
  QList<QByteArrayView> lines;
  for (qsizetype from = 0; from < head.size();) {
    const qsizetype crlf = head.indexOf("\r\n", from);
    if (crlf < 0) return bad("bad_line_end", "request lines and header lines must end with CRLF");
    lines.append(head.sliced(from, crlf - from));
    from = crlf + 2;
  }
  if (lines.isEmpty()) return bad("bad_request_line", "the request line is missing");
  for (const QByteArrayView line : lines) {
    if (line.contains('\r')) return bad("bad_line_end", "a bare CR was sent inside a line");
    if (line.size() > limits.maxHeaderLineBytes)
      return Rejection{431, "header_line_too_large",
                       "a request or header line exceeds " + std::to_string(limits.maxHeaderLineBytes) + " bytes"};
  }

  // Request line: method SP request-target SP HTTP-version, single spaces.
  const QByteArrayView requestLine = lines.front();
  const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
  if (parts.size() != 3 || parts[1].isEmpty())
    return bad("bad_request_line", "the request line " + shown(requestLine) + " is not 'METHOD target HTTP/1.1'");
  Request r;
  r.method = parts[0];
  if (!isToken(r.method)) return bad("bad_method", "the method " + shown(r.method) + " is not a token");
  for (const char c : parts[1])
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
      return bad("bad_target", "the request target holds a byte that is not visible ASCII");
  if (parts[2] == "HTTP/1.1") r.http10 = false;
  else if (parts[2] == "HTTP/1.0") r.http10 = true;
  else return bad("bad_version", "the HTTP version " + shown(parts[2]) + " is not supported; use HTTP/1.1 or HTTP/1.0");
  // Methods are case-sensitive (RFC 9110 section 9.1).
  if (r.method.toUpper() != r.method)
    return bad("bad_method", "the method " + shown(r.method) + " is not valid: methods are case-sensitive, e.g. GET");
  if (!parserKnowsMethod(r.method))
    return Rejection{405, "method_not_allowed",
                     "method " + r.method.toStdString() + " is not allowed; this service answers GET, HEAD and POST"};

  if (lines.size() - 1 > limits.maxHeaderCount)
    return Rejection{431, "too_many_headers", "the request has " + std::to_string(lines.size() - 1) +
                                                  " header lines; at most " + std::to_string(limits.maxHeaderCount) +
                                                  " are allowed"};
  int hosts = 0;
  int transferEncodings = 0;
  QByteArrayView transferEncoding;
  std::optional<qint64> contentLength;
  QByteArray connection;
  for (qsizetype i = 1; i < lines.size(); ++i) {
    const QByteArrayView line = lines[i];
    if (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t'))
      return bad("bad_header", "header line " + std::to_string(i) + " is folded (starts with white space)");
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) return bad("bad_header", "header line " + std::to_string(i) + " " + shown(line) + " has no colon");
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
      return bad("bad_header", "header line " + std::to_string(i) + " " + shown(line) +
                                   " has an invalid name (no spaces are allowed before the colon)");
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
      return bad("bad_header", "the value of header " + shown(name) + " holds a control byte");
    if (name.compare("host", Qt::CaseInsensitive) == 0) {
      ++hosts;
    } else if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
      if (contentLength) return bad("bad_content_length", "Content-Length is sent more than once");
      const bool digits = !value.isEmpty() && value.size() <= 18 &&
                          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) return bad("bad_content_length", "Content-Length " + shown(value) + " is not a non-negative integer");
      contentLength = value.toLongLong();
    } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
      ++transferEncodings;
      transferEncoding = value;
    } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
      connection += (connection.isEmpty() ? "" : ",") + value.toByteArray();
    }
  }
  if (r.http10 ? hosts > 1 : hosts != 1)
    return bad("bad_host", hosts == 0 ? "the Host header is missing (HTTP/1.1 requires it)"
                                      : "the Host header is sent " + std::to_string(hosts) + " times");
  if (transferEncodings > 0) {
    if (contentLength) return bad("bad_transfer_encoding", "Transfer-Encoding and Content-Length are both sent");
    if (transferEncodings > 1) return bad("bad_transfer_encoding", "Transfer-Encoding is sent more than once");
    if (transferEncoding.compare("chunked", Qt::CaseInsensitive) != 0)
      return bad("bad_transfer_encoding", "Transfer-Encoding " + shown(transferEncoding) + " is not supported");
    return Rejection{411, "length_required", "chunked request bodies are not accepted; send the body with Content-Length"};
  }
  r.contentLength = contentLength.value_or(0);
  if (r.contentLength > limits.maxBodyBytes)
    return Rejection{413, "body_too_large", "the request body has " + std::to_string(r.contentLength) +
                                                " bytes; at most " + std::to_string(limits.maxBodyBytes) + " are allowed"};
  // HTTP/1.0 connections are closed after the reply even when the client
  // asks for keep-alive (RFC 9112 section 9.3 lets a server close):
  // QtHttpServer 6.4 closes them before a second request anyway.
  r.keepAlive = !r.http10 && !listHas(connection, "close");
  return r;
}

}  // namespace foresight::serving
