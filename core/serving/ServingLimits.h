// Limits the scoring service enforces on every request; each one exists so
// that a single client cannot make the service allocate, compute or wait
// without bound (docs/serving.md, "Limits").
#pragma once

#include <chrono>
#include <cstddef>

namespace foresight::serving {

struct ServingLimits {
  int maxHorizon = 1000;                  // periods per forecast
  int maxLevels = 8;                      // prediction interval levels per request
  int maxHistory = 10000;                 // points in a POST history
  long long maxRecords = 200000;          // records in one reply (horizon x series)
  long long maxBodyBytes = 1 << 20;       // POST body
  long long maxHeaderBytes = 16 * 1024;   // request line + headers
  // QtHttpServer 6.4 silently drops every header of a request with more than
  // 100 header lines or a line over 8 KiB; HttpRequestFramer refuses those
  // (431) before it sees them, so these stay below its limits.
  int maxHeaderCount = 100;               // header lines per request
  long long maxHeaderLineBytes = 8000;    // one request or header line, without CRLF
  std::chrono::milliseconds requestTimeout{10000};  // first byte to whole request
  std::chrono::milliseconds idleTimeout{60000};     // keep-alive connection with no request
  std::size_t forecastCacheEntries = 4096;
  int maxConnections = 1000;              // open at once; more are answered 503 and closed
};

}  // namespace foresight::serving
