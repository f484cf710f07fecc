// Fuzzes the strict HTTP/1.x framing in front of QtHttpServer
// (HttpRequestFramer) with the hardening issue's invariant: one request in,
// one response out, or a 4xx and the connection closed. Two modes, chosen by
// the first byte:
// - raw: the rest is a byte stream from a client. Oracles: fed in pieces (the
//   split points come from the input) it frames exactly as fed whole, the
//   same requests and the same refusal, since a framing that depended on how
//   TCP split the stream is how a proxy and the service come to disagree;
//   a refusal is a 4xx with a code and a message and is final; every accepted
//   request has a method QtHttpServer's parser knows and a body within the
//   limit.
// - built: the input describes N well-formed requests (method, target,
//   headers, body) that are written out and concatenated. Oracles: exactly N
//   requests come out, in order, with their methods, versions and body
//   lengths, and the framer ends between requests; no byte of a body is ever
//   taken for a request.
#include <fuzzer/FuzzedDataProvider.h>

#include <QByteArray>
#include <algorithm>  // std::sort
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "FuzzOracle.h"
#include "serving/HttpRequestFramer.h"
#include "serving/ServingLimits.h"

using foresight::fuzz::check;
using foresight::serving::HttpRequestFramer;
using foresight::serving::ServingLimits;

namespace {

// Small limits, so the fuzzer reaches them with short inputs.
ServingLimits limits() {
  ServingLimits l;
  l.maxBodyBytes = 64;
  l.maxHeaderBytes = 256;
  l.maxHeaderCount = 6;
  l.maxHeaderLineBytes = 80;
  return l;
}

struct Outcome {
  std::vector<HttpRequestFramer::Request> requests;
  std::optional<HttpRequestFramer::Rejection> rejection;
  bool betweenRequests = false;
};

std::string describe(const Outcome& o) {
  std::string s = std::to_string(o.requests.size()) + " request(s):";
  for (const auto& r : o.requests)
    s += " " + r.method.toStdString() + (r.http10 ? "/1.0" : "/1.1") + " len " + std::to_string(r.contentLength) +
         (r.keepAlive ? " keep" : " close");
  if (o.rejection) s += "; refused " + std::to_string(o.rejection->status) + " " + o.rejection->code;
  return s;
}

bool sameRequests(const Outcome& a, const Outcome& b) {
  if (a.requests.size() != b.requests.size()) return false;
  for (std::size_t i = 0; i < a.requests.size(); ++i) {
    const auto &x = a.requests[i], &y = b.requests[i];
    if (x.method != y.method || x.http10 != y.http10 || x.keepAlive != y.keepAlive ||
        x.contentLength != y.contentLength)
      return false;
  }
  return true;
}

Outcome frame(const QByteArray& stream, const std::vector<qsizetype>& cuts) {
  HttpRequestFramer framer(limits());
  Outcome o;
  qsizetype from = 0;
  std::vector<qsizetype> ends = cuts;
  ends.push_back(stream.size());
  for (const qsizetype to : ends) {
    if (to < from) continue;
    o.rejection = framer.feed(QByteArrayView(stream).sliced(from, to - from), o.requests);
    from = to;
    if (o.rejection) {
      // Refused is final: nothing more is framed on this connection.
      const std::size_t before = o.requests.size();
      const auto again = framer.feed(QByteArrayView("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), o.requests);
      check(again.has_value() && o.requests.size() == before, "a refused connection frames nothing more",
            describe(o));
      break;
    }
  }
  o.betweenRequests = framer.betweenRequests();
  return o;
}

void checkEachRequest(const Outcome& o) {
  for (const auto& r : o.requests) {
    // The methods QtHttpServer's parser knows; the routes answer 405 to all
    // but GET, HEAD and POST, which is still one response for one request.
    bool known = false;
    for (const char* m : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT"}) known = known || r.method == m;
    check(known, "an accepted method is one QtHttpServer's parser knows", r.method.toStdString());
    check(r.contentLength >= 0 && r.contentLength <= limits().maxBodyBytes, "an accepted body is within the limit",
          std::to_string(r.contentLength));
    check(!r.http10 || !r.keepAlive, "HTTP/1.0 connections close after the reply", describe(o));
  }
  if (o.rejection) {
    check(o.rejection->status >= 400 && o.rejection->status < 500, "a refusal is a 4xx", describe(o));
    check(!o.rejection->code.empty() && !o.rejection->message.empty(), "a refusal says why", describe(o));
  }
}

void rawStream(FuzzedDataProvider& in) {
  std::vector<qsizetype> cuts;
  const int pieces = in.ConsumeIntegralInRange(0, 8);
  const std::string streamText = in.ConsumeRemainingBytesAsString();
  const QByteArray stream(streamText.data(), static_cast<qsizetype>(streamText.size()));
  // Split points spread by a simple rule from the input's length and bytes.
  for (int i = 1; i <= pieces && !stream.isEmpty(); ++i)
    cuts.push_back((stream.size() * i + static_cast<unsigned char>(stream[i % stream.size()])) / (pieces + 1) %
                   (stream.size() + 1));
  std::sort(cuts.begin(), cuts.end());
  const Outcome whole = frame(stream, {});
  checkEachRequest(whole);
  std::vector<qsizetype> everyByte;
  for (qsizetype i = 1; i < stream.size() && stream.size() <= 4096; ++i) everyByte.push_back(i);
  for (const auto& split : {cuts, everyByte}) {
    const Outcome pieced = frame(stream, split);
    check(sameRequests(whole, pieced), "the same requests however the stream is split",
          describe(whole) + "  vs split  " + describe(pieced));
    check(whole.rejection.has_value() == pieced.rejection.has_value() &&
              (!whole.rejection || (whole.rejection->status == pieced.rejection->status &&
                                    whole.rejection->code == pieced.rejection->code)),
          "the same refusal however the stream is split", describe(whole) + "  vs split  " + describe(pieced));
  }
}

// Characters a header value or target may hold, for the built mode.
std::string visible(FuzzedDataProvider& in, std::size_t maxLength, bool spaces) {
  std::string s;
  const std::string raw = in.ConsumeRandomLengthString(maxLength);
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f) s += c;
    else if (spaces && c == ' ' && !s.empty()) s += c;
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string token(FuzzedDataProvider& in, std::size_t maxLength) {
  static const std::string kTokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string s;
  for (const char c : in.ConsumeRandomLengthString(maxLength))
    s += kTokenChars[static_cast<unsigned char>(c) % kTokenChars.size()];
  return s.empty() ? "X-Fuzz" : s;
}

void builtRequests(FuzzedDataProvider& in) {
  const int count = in.ConsumeIntegralInRange(1, 4);
  QByteArray stream;
  std::vector<HttpRequestFramer::Request> expected;
  for (int i = 0; i < count; ++i) {
    HttpRequestFramer::Request r;
    static const char* kMethods[] = {"GET", "HEAD", "POST"};
    r.method = kMethods[in.ConsumeIntegralInRange(0, 2)];
    r.http10 = in.ConsumeBool();
    const bool close = r.http10 || in.ConsumeBool();
    r.keepAlive = !close;
    const std::string body = r.method == "POST" ? in.ConsumeRandomLengthString(64) : std::string();
    r.contentLength = static_cast<qint64>(body.size());
    std::string head = r.method.toStdString() + " /" + visible(in, 30, false) + (r.http10 ? " HTTP/1.0" : " HTTP/1.1") +
                       "\r\nHost: h\r\n";
    if (!r.http10 && close) head += "Connection: close\r\n";
    if (r.method == "POST") head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    const int extra = in.ConsumeIntegralInRange(0, 3);
    for (int h = 0; h < extra; ++h) {
      std::string name = token(in, 12);
      // Names the framer reads itself would change the request described.
      for (const char* special : {"host", "content-length", "transfer-encoding", "connection"})
        if (QByteArray::fromStdString(name).compare(special, Qt::CaseInsensitive) == 0) name = "X-" + name;
      head += name + ": " + visible(in, 30, true) + "\r\n";
    }
    head += "\r\n";
    if (static_cast<long long>(head.size()) > limits().maxHeaderBytes) break;  // the limit's own business
    bool lineTooLong = false;
    for (std::size_t from = 0; from < head.size();) {
      const std::size_t crlf = head.find("\r\n", from);
      lineTooLong = lineTooLong || static_cast<long long>(crlf - from) > limits().maxHeaderLineBytes;
      from = crlf + 2;
    }
    if (lineTooLong) break;
    stream += QByteArray::fromStdString(head + body);
    expected.push_back(r);
    if (close) break;  // nothing may follow a request that closes the connection
  }
  Outcome want;
  want.requests = expected;
  const Outcome got = frame(stream, {});
  check(!got.rejection, "well-formed requests are accepted", describe(got) + "\n  stream: " + stream.toStdString());
  check(sameRequests(want, got), "one request in, one request out, in order",
        describe(want) + "  vs framed  " + describe(got) + "\n  stream: " + stream.toStdString());
  check(got.betweenRequests, "the framer ends between requests", describe(got));
  checkEachRequest(got);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  if (in.ConsumeBool()) builtRequests(in);
  else rawStream(in);
  return 0;
}
