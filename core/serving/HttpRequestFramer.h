// Strict HTTP/1.x request framing (RFC 9112) over the raw byte stream of one
// connection, in front of QtHttpServer's parser.
//
// Why: QtHttpServer 6.4's parser is lenient where leniency lets a client and
// a front proxy disagree about where a request ends (a malformed or 101st
// header line drops every header, "xchunked" counts as chunked, the first of
// two Content-Lengths wins, a bad chunk size reads as an empty body). The
// rule here is one: a byte stream reaches QtHttpServer only as a sequence of
// requests this framer accepted; at the first byte it cannot frame exactly,
// the connection gets one 4xx reply and is closed (ConnectionGuard).
//
// Accepted: a request line `METHOD SP target SP HTTP/1.1` (or HTTP/1.0) with
// CRLF line ends, at most ServingLimits::maxHeaderCount header lines of the
// form `name: value` (name a token, no space before the colon, no obsolete
// line folding), each at most maxHeaderLineBytes, all at most maxHeaderBytes;
// exactly one Host (HTTP/1.1; at most one for HTTP/1.0); at most one
// Content-Length, all digits, at most maxBodyBytes. Request bodies must come
// with Content-Length: any Transfer-Encoding is refused (chunked with 411
// Length Required, as RFC 9112 section 6.3 allows; anything else, repeated,
// or together with Content-Length with 400), because QtHttpServer's chunked
// reader cannot be trusted with a split or malformed chunk.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "serving/ServingLimits.h"

namespace foresight::serving {

class HttpRequestFramer {
 public:
  // What the framer learnt about one accepted request.
  struct Request {
    QByteArray method;        // as sent (GET, HEAD, POST, ...)
    bool http10 = false;      // HTTP/1.0 request line
    bool keepAlive = true;    // HTTP/1.1 without "Connection: close"
    qint64 contentLength = 0;
  };
  // Why the stream cannot be framed: the reply to send before closing.
  struct Rejection {
    int status = 400;
    std::string code;
    std::string message;
  };

  explicit HttpRequestFramer(const ServingLimits& limits);

  // Scans the next bytes of the stream. Each request whose head completed is
  // appended to `accepted`; the first framing error is returned, after which
  // the stream must not be used any more.
  std::optional<Rejection> feed(QByteArrayView bytes, std::vector<Request>& accepted);
  // True when no byte of a next request has arrived (between requests).
  bool betweenRequests() const { return head_.isEmpty() && bodyLeft_ == 0; }

  // Checks one complete head: request line and header lines, each ending in
  // CRLF, without the blank line that ends the head.
  static std::variant<Request, Rejection> parseHead(QByteArrayView head, const ServingLimits& limits);

 private:
  // The size limits on head_ after bytes were appended to it; `lineComplete`
  // when the last byte appended was an LF.
  std::optional<Rejection> firstLimitCrossed(bool lineComplete) const;

  ServingLimits limits_;
  QByteArray head_;      // the head being received
  qint64 bodyLeft_ = 0;  // body bytes of the current request still to come
  bool failed_ = false;
};

}  // namespace foresight::serving
