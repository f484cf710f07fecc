// The service over each registry backend (SQLite, and PostgreSQL from
// $FORESIGHT_TEST_PG_URI, a fresh schema per test): serve the champion,
// switch to a promoted version, list models.
#include <QtTest/QtTest>

#include "HttpTestClient.h"
#include "RegistryTestSupport.h"
#include "ServerThread.h"
#include "ServingTestSupport.h"

using namespace foresight;
using test::HttpTestClient;

class ServingBackendsTest : public QObject {
  Q_OBJECT

 public:
  explicit ServingBackendsTest(test::Backend backend) : backend_(backend) {}

 private:
  test::Backend backend_;

 private Q_SLOTS:
  void initTestCase() { FORESIGHT_REQUIRE_BACKEND(backend_); }

  void servesAndFollowsAPromotion() {
    test::TestRegistry registry(backend_);
    test::fillServingRegistry(registry.parsed());
    test::ServerThread server(test::testOptions(registry.parsed()));
    QVERIFY2(server.error().empty(), server.error().c_str());
    const QByteArray target = "/v1/models/sales/forecast?horizon=2&format=csv";
    const auto first = HttpTestClient::get(server.port(), target);
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.endsWith(",sales,1\n"));
    QCOMPARE(HttpTestClient::get(server.port(), "/v1/models").json()["models"].size(), std::size_t(2));

    test::promote(registry.parsed(), "sales", 2, 1);
    // Three more reloads counted than at the promotion: the second of them
    // started after it and is installed (HotReloadTest says why), so the new
    // version must be served then. Requests meanwhile must all succeed.
    const long long reloadsAtPromotion = server.server().models().reloadsOk();
    for (int i = 0; i < 400 && server.server().models().reloadsOk() < reloadsAtPromotion + 3; ++i) {
      QCOMPARE(HttpTestClient::get(server.port(), target).status, 200);
      QThread::msleep(50);  // orders events only: reloads come every 200 ms; 400 rounds bound a stall
    }
    QVERIFY(server.server().models().reloadsOk() >= reloadsAtPromotion + 3);
    QVERIFY(HttpTestClient::get(server.port(), target).body.endsWith(",sales,2\n"));
    QCOMPARE(HttpTestClient::get(server.port(), "/v1/models/sales/forecast?horizon=1&version=1").status, 200);
    QVERIFY(server.stop());
  }
};

FORESIGHT_REGISTRY_TEST_MAIN(ServingBackendsTest)
#include "ServingBackendsTest.moc"
