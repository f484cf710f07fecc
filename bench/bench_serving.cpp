// bench_serving: a keep-alive HTTP client for the scoring service's load test
// (bench/serving_load.sh). Each of C connections sends GET requests back to
// back for S seconds and records status, X-Model-Version and latency. Prints
// requests/s, p50/p99 latency, failed requests, the versions seen in order
// (so a promotion during the run shows as "1 -> 2" with no way back), and the
// client's wall time, CPU time and peak RSS.
//
//   bench_serving --url http://127.0.0.1:8080/v1/models/aw-revenue/forecast?horizon=30
//                 [--seconds 60] [--connections 1] [--interval-ms 0] [--header "X-API-Key: k"]
// --interval-ms paces each connection (an observer beside wrk should not be
// a second load generator).
#include <QTcpSocket>
#include <QUrl>
#include <sys/resource.h>  // getrusage

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct ConnectionStats {
  long long ok = 0, failed = 0, reconnects = 0;
  std::vector<double> latencyMs;
  std::vector<std::pair<int, long long>> versionRuns;  // version, responses in a row
  int backward = 0;                                     // a lower version after a higher one
};

struct Reply {
  int status = 0;
  int version = 0;
};

// Reads one response (status line, headers, Content-Length body); status 0
// when the connection broke or 10 s passed.
Reply readReply(QTcpSocket& s, QByteArray& buffer) {
  Reply r;
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  qsizetype headerEnd = -1;
  qsizetype length = 0;
  while (Clock::now() < deadline) {
    buffer += s.readAll();
    if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
      const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
      const QList<QByteArray> first = lines.front().split(' ');
      r.status = first.size() > 1 ? first[1].toInt() : 0;
      for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        if (name == "content-length") length = line.mid(colon + 1).trimmed().toLongLong();
        if (name == "x-model-version") r.version = line.mid(colon + 1).trimmed().toInt();
      }
    }
    if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length) {
      buffer.remove(0, headerEnd + 4 + length);
      return r;
    }
    if (s.state() != QAbstractSocket::ConnectedState) break;
    s.waitForReadyRead(100);
  }
  return {};
}

void runConnection(const QUrl& url, const QByteArray& extraHeader, int intervalMs, Clock::time_point end,
                   ConnectionStats& stats) {
  const QByteArray request = "GET " + url.path(QUrl::FullyEncoded).toUtf8() +
                             (url.hasQuery() ? "?" + url.query(QUrl::FullyEncoded).toUtf8() : QByteArray()) +
                             " HTTP/1.1\r\nHost: " + url.host().toUtf8() + "\r\n" + extraHeader + "\r\n";
  QTcpSocket socket;
  QByteArray buffer;
  while (Clock::now() < end) {
    if (socket.state() != QAbstractSocket::ConnectedState) {
      socket.abort();
      buffer.clear();
      socket.connectToHost(url.host(), static_cast<quint16>(url.port(80)));
      if (!socket.waitForConnected(2000)) {
        ++stats.failed;
        continue;
      }
      ++stats.reconnects;
    }
    const auto start = Clock::now();
    socket.write(request);
    const Reply r = readReply(socket, buffer);
    stats.latencyMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (r.status != 200) {
      ++stats.failed;
      socket.abort();
      continue;
    }
    ++stats.ok;
    if (stats.versionRuns.empty() || stats.versionRuns.back().first != r.version) {
      if (!stats.versionRuns.empty() && r.version < stats.versionRuns.back().first) ++stats.backward;
      stats.versionRuns.emplace_back(r.version, 0);
    }
    ++stats.versionRuns.back().second;
    if (intervalMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
  }
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  QUrl url;
  int seconds = 60, connections = 1, intervalMs = 0;
  QByteArray header;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool hasValue = i + 1 < argc;
    if (a == "--url" && hasValue) url = QUrl(QString::fromUtf8(argv[++i]));
    else if (a == "--seconds" && hasValue) seconds = std::max(1, std::atoi(argv[++i]));
    else if (a == "--connections" && hasValue) connections = std::clamp(std::atoi(argv[++i]), 1, 256);
    else if (a == "--interval-ms" && hasValue) intervalMs = std::clamp(std::atoi(argv[++i]), 0, 60000);
    else if (a == "--header" && hasValue) header = QByteArray(argv[++i]) + "\r\n";
    else {
      std::fprintf(stderr, "usage: bench_serving --url URL [--seconds S] [--connections C] [--interval-ms MS] [--header 'Name: value']\n");
      return 2;
    }
  }
  if (!url.isValid() || url.scheme() != QStringLiteral("http")) {
    std::fprintf(stderr, "bench_serving: --url must be an http:// URL\n");
    return 2;
  }
  const auto wallStart = Clock::now();
  const auto end = wallStart + std::chrono::seconds(seconds);
  std::vector<ConnectionStats> stats(static_cast<std::size_t>(connections));
  std::vector<std::thread> threads;
  for (auto& s : stats) threads.emplace_back(runConnection, url, header, intervalMs, end, std::ref(s));
  for (auto& t : threads) t.join();
  const double wall = std::chrono::duration<double>(Clock::now() - wallStart).count();

  ConnectionStats all;
  std::map<int, long long> byVersion;
  for (auto& s : stats) {
    all.ok += s.ok;
    all.failed += s.failed;
    all.backward += s.backward;
    all.latencyMs.insert(all.latencyMs.end(), s.latencyMs.begin(), s.latencyMs.end());
    for (const auto& [v, n] : s.versionRuns) byVersion[v] += n;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  std::printf("bench_serving: %lld ok, %lld failed in %.1f s over %d connection(s): %.0f requests/s\n", all.ok,
              all.failed, wall, connections, static_cast<double>(all.ok) / wall);
  std::printf("latency p50 %.3f ms, p99 %.3f ms\n", percentile(all.latencyMs, 50), percentile(all.latencyMs, 99));
  std::printf("versions seen (connection 1, in order):");
  for (const auto& [v, n] : stats.front().versionRuns) std::printf(" %d x %lld;", v, n);
  std::printf("\nresponses by version:");
  for (const auto& [v, n] : byVersion) std::printf(" v%d=%lld", v, n);
  std::printf("\nswitches back to an older version: %d\n", all.backward);
  std::printf("client wall %.2f s, CPU %.2f s, peak RSS %ld KiB\n", wall, cpu, usage.ru_maxrss);
  return all.failed == 0 && all.backward == 0 ? 0 : 1;
}
