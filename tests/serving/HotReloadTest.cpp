// Hot reload: a promotion reaches the service without a failed request, a
// registry that went away leaves the last good models serving (health says
// degraded) and its return is noticed; SIGTERM-style shutdown finishes the
// request in flight and refuses new connections.
#include <QtTest/QtTest>
#include <filesystem>

#include "HttpTestClient.h"
#include "ServerThread.h"
#include "ServingTestSupport.h"
#include "TestSupport.h"

using namespace foresight;
using test::HttpTestClient;

namespace {

// Polls `done` every 50 ms, at most 400 times (20 s): reloads run every
// 200 ms, so this bounds a wait for an event, not a speed.
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 400; ++i) {
    if (done()) return true;
    QThread::msleep(50);
  }
  return false;
}

}  // namespace

class HotReloadTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void promotionSwitchesVersionWithoutFailures() {
    const auto fixture = test::makeServingRegistry("reload");
    test::ServerThread server(test::testOptions(fixture.uri));
    QVERIFY2(server.error().empty(), server.error().c_str());
    const QByteArray target = "/v1/models/sales/forecast?horizon=4";
    QCOMPARE(HttpTestClient::get(server.port(), target).json()[0]["model_version"], 1);

    test::promote(fixture.uri, "sales", 2, 1);
    // Reloads are counted before their snapshot is installed, and one may be
    // in flight from before the promotion; each starts only after the last
    // one finished. So once three more reloads are counted than when the
    // promotion was committed, the second of them started after the
    // promotion and its snapshot is installed: from then on version 2 must
    // be served. Requests keep going meanwhile and none may fail.
    const long long reloadsAtPromotion = server.server().models().reloadsOk();
    int failures = 0, requests = 0;
    QVERIFY(eventually([&] {
      const auto r = HttpTestClient::get(server.port(), target);
      ++requests;
      if (r.status != 200) ++failures;
      return server.server().models().reloadsOk() >= reloadsAtPromotion + 3;
    }));
    QCOMPARE(failures, 0);
    QVERIFY(requests >= 1);
    QCOMPARE(HttpTestClient::get(server.port(), target).json()[0]["model_version"], 2);
    QCOMPARE(HttpTestClient::get(server.port(), target).headers.value("x-model-version"), QByteArray("2"));
    QCOMPARE(server.server().models().swaps(), 1LL);
    const auto metrics = HttpTestClient::get(server.port(), "/metrics").body;
    QVERIFY(metrics.contains("foresight_served_model_version{model=\"sales\",alias=\"champion\"} 2"));
    QVERIFY(server.stop());
  }

  void unreachableRegistryKeepsServingAndSaysDegraded() {
    const auto fixture = test::makeServingRegistry("degraded");
    serving::ServingOptions options = test::testOptions(fixture.uri);
    options.apiKey = serving::ApiKey::fromValue("k-0123456789abcdef", "test");
    test::ServerThread server(options);
    QVERIFY2(server.error().empty(), server.error().c_str());
    const QByteArray target = "/v1/models/sales/forecast?horizon=3";
    const QByteArray key = "X-API-Key: k-0123456789abcdef\r\n";
    const auto before = HttpTestClient::get(server.port(), target, key);
    QCOMPARE(before.status, 200);

    const auto away = fixture.dir / "reg.away";
    std::filesystem::rename(fixture.registryDir, away);
    QVERIFY(eventually([&] { return HttpTestClient::get(server.port(), "/v1/health").json()["status"] == "degraded"; }));
    // Without the key health says why in general terms; with it, in full.
    const std::string brief = HttpTestClient::get(server.port(), "/v1/health").json()["reason"];
    QVERIFY2(brief.starts_with("registry unreachable") && brief.find("registry.db") == std::string::npos, brief.c_str());
    const std::string full = HttpTestClient::get(server.port(), "/v1/health?api_key=k-0123456789abcdef").json()["reason"];
    QVERIFY2(full.find("registry.db: the database file does not exist") != std::string::npos, full.c_str());
    // Still serving the last good model, byte for byte; uncached requests too.
    QCOMPARE(HttpTestClient::get(server.port(), target, key).body, before.body);
    QCOMPARE(HttpTestClient::get(server.port(), "/v1/models/sales/forecast?horizon=9&format=csv", key).status, 200);
    QCOMPARE(HttpTestClient::get(server.port(), "/v1/models", key).status, 200);
    // A version nobody loaded cannot be read now: 503, not a hang.
    QCOMPARE(HttpTestClient::get(server.port(), "/v1/models/sales/forecast?horizon=1&version=2", key).status, 503);

    std::filesystem::rename(away, fixture.registryDir);
    QVERIFY(eventually([&] { return HttpTestClient::get(server.port(), "/v1/health").json()["status"] == "ok"; }));
    QVERIFY(server.server().models().reloadsFailed() >= 1);
    QVERIFY(server.stop());
  }

  void connectionsBeyondTheLimitAreTurnedAway() {
    const auto fixture = test::makeServingRegistry("connlimit");
    serving::ServingOptions options = test::testOptions(fixture.uri);
    options.limits.maxConnections = 2;
    test::ServerThread server(options);
    QVERIFY2(server.error().empty(), server.error().c_str());
    const QByteArray health = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
    auto first = std::make_unique<HttpTestClient>(server.port());
    HttpTestClient second(server.port());
    first->send(health);
    second.send(health);
    QCOMPARE(first->read().status, 200);
    QCOMPARE(second.read().status, 200);
    HttpTestClient third(server.port());
    third.send(health);
    const auto refused = third.read();
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.json()["error"]["code"], "too_many_connections");
    first.reset();  // frees a slot once the service notices
    QVERIFY(eventually([&] { return HttpTestClient::get(server.port(), "/v1/health").status == 200; }));
    QVERIFY(server.stop());
  }

  void shutdownFinishesTheRequestInFlight() {
    const auto fixture = test::makeServingRegistry("shutdown");
    serving::ServingOptions options = test::testOptions(fixture.uri);
    options.limits.requestTimeout = std::chrono::milliseconds(60000);  // the half-sent request must not time out
    test::ServerThread server(options);
    QVERIFY2(server.error().empty(), server.error().c_str());
    const quint16 port = server.port();
    HttpTestClient idle(port);
    idle.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(idle.read().status, 200);
    HttpTestClient inFlight(port);
    inFlight.send("GET /v1/models/sales/forecast?horizon=2 HTTP/1.1\r\nHost: x\r\n");  // headers not finished
    // Orders events only: lets the server's event loop read the half request
    // before the shutdown request is queued (nothing here measures time).
    QThread::msleep(100);
    server.requestShutdown();
    // The idle keep-alive connection is closed; the one mid-request is not.
    QVERIFY(idle.read().closed);
    inFlight.send("\r\n");
    const auto r = inFlight.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("connection"), QByteArray("close"));
    QVERIFY(server.stop());
    HttpTestClient late(port);
    QVERIFY(!late.connected());
  }
};

QTEST_GUILESS_MAIN(HotReloadTest)
#include "HotReloadTest.moc"
