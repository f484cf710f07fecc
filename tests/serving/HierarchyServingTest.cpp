// A hierarchical version served over real sockets: any node answers by its
// path, always reconciled (the nodes of one reply add up, and one node asked
// alone equals the same node in the whole reply); POST with one node's
// newer actuals is refused (422 hierarchical_model); levels of a method
// without reconciled intervals are refused (422 not_reconcilable).
#include <QtTest/QtTest>

#include <cmath>
#include <map>

#include "HttpTestClient.h"
#include "ServerThread.h"
#include "ServingTestSupport.h"
#include "TestSupport.h"
#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "registry/ModelRegistry.h"

using namespace foresight;
using test::HttpTestClient;

namespace {

const QByteArray kKeyHeader = "X-API-Key: s3cret-key-0123456789\r\n";

// Bottom series with different weekly patterns, every aggregate their sum
// (S times them), each node fitted with its own ets, so the base forecasts
// do not add up.
std::string artifactOf(const Hierarchy& h, ReconcileMethod method) {
  const Date start = *Date::parseIso("2020-01-01");
  Eigen::MatrixXd bottom(h.bottomCount(), 140);
  for (Eigen::Index b = 0; b < bottom.rows(); ++b) {
    const double base = 25 + 17.0 * static_cast<double>(b);
    for (Eigen::Index i = 0; i < bottom.cols(); ++i) {
      const double t = static_cast<double>(i);
      bottom(b, i) = base + 0.1 * t + (base / 5) * std::sin(2 * M_PI * t / 7 + base) + 2 * std::cos(1.3 * t + base);
    }
  }
  const Eigen::MatrixXd values = h.summingMatrix() * bottom;
  std::vector<std::unique_ptr<Forecaster>> owned;
  std::vector<const Forecaster*> models;
  for (int i = 0; i < h.size(); ++i) {
    owned.push_back(ModelFactory::create(ModelSpec::parse("ets")));
    owned.back()->fit(TimeSeries{h.nodes()[static_cast<std::size_t>(i)].name, Frequency::Daily, start,
                                 values.row(i).transpose()});
    models.push_back(owned.back().get());
  }
  ReconcileOptions o;
  o.method = method;
  return ModelArtifact::toText(ModelArtifact::buildHierarchical(models, HierarchicalModel::section(h, o)));
}

// Stores East/a, East/b, West/c.
std::string hierarchicalArtifact(ReconcileMethod method) {
  return artifactOf(Hierarchy::fromPaths({"region", "store"}, {{"East", "a"}, {"East", "b"}, {"West", "c"}}), method);
}

// The same stores crossed with what they sell (a grouped structure).
Hierarchy storesByKind() {
  return Hierarchy::crossed({{"region", "store"}, {"kind"}},
                            {{"East", "a", "food"}, {"East", "a", "toys"}, {"East", "b", "food"}, {"West", "c", "toys"}});
}

}  // namespace

class HierarchyServingTest : public QObject {
  Q_OBJECT

 private:
  test::ServingFixture fixture_;
  std::unique_ptr<test::ServerThread> server_;
  quint16 port_ = 0;

  test::HttpResult get(const QByteArray& target) { return HttpTestClient::get(port_, target, kKeyHeader); }

 private Q_SLOTS:
  void initTestCase() {
    fixture_ = test::makeServingRegistry("hierarchy");
    {
      registry::ModelRegistry reg(fixture_.uri);
      registry::PushRequest r;
      r.name = "stores";
      r.artifact = hierarchicalArtifact(ReconcileMethod::MintShrink);
      reg.push(r);
      reg.promote({"stores", 1, std::nullopt, "first", nullptr});
      r.artifact = hierarchicalArtifact(ReconcileMethod::TopDownFp);
      reg.push(r);
      r.name = "stores-by-kind";
      r.artifact = artifactOf(storesByKind(), ReconcileMethod::MintShrink);
      reg.push(r);
      reg.promote({"stores-by-kind", 1, std::nullopt, "first", nullptr});
    }
    serving::ServingOptions o = test::testOptions(fixture_.uri);
    o.apiKey = serving::ApiKey::fromValue("s3cret-key-0123456789", "test");
    server_ = std::make_unique<test::ServerThread>(o);
    QVERIFY2(server_->error().empty(), server_->error().c_str());
    port_ = server_->port();
  }

  void cleanupTestCase() { QVERIFY(server_->stop()); }

  void everyNodeIsReconciled() {
    const auto all = get("/v1/models/stores/forecast?horizon=5&level=80");
    QCOMPARE(all.status, 200);
    const nlohmann::json records = all.json();
    QCOMPARE(records.size(), std::size_t(6 * 5));
    std::map<std::pair<std::string, std::string>, double> value;
    for (const auto& r : records) {
      value[{r["series"].get<std::string>(), r["date"].get<std::string>()}] = r["value"].get<double>();
      QVERIFY(r["lo80"].get<double>() < r["value"].get<double>());
    }
    int checked = 0;
    for (const auto& [key, v] : value) {
      if (key.first != "Total") continue;
      const double east = value.at({"East", key.second}), west = value.at({"West", key.second});
      QVERIFY(std::abs(v - east - west) <= 1e-9 * std::abs(v));
      QVERIFY(std::abs(east - value.at({"East/a", key.second}) - value.at({"East/b", key.second})) <= 1e-9 * std::abs(east));
      ++checked;
    }
    QCOMPARE(checked, 5);
    // One node alone is the same node of the whole (reconciled with the others).
    const auto one = get("/v1/models/stores/forecast?horizon=5&level=80&series=East%2Fb");
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().size(), std::size_t(5));
    for (const auto& r : one.json())
      QCOMPARE(r["value"].get<double>(), value.at({"East/b", r["date"].get<std::string>()}));
    QCOMPARE(get("/v1/models/stores/forecast?horizon=5&series=East%2Fz").status, 404);
  }

  // A crossed node by its name (East*food): every node of the reply equals
  // the sum of the bottom series under it, and one node asked alone is the
  // same node of the whole reply.
  void aGroupedStructureAnswersItsCrossedNodes() {
    const Hierarchy h = storesByKind();
    const auto all = get("/v1/models/stores-by-kind/forecast?horizon=4&level=80");
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json().size(), std::size_t(h.size() * 4));
    std::map<std::pair<std::string, std::string>, double> value;
    for (const auto& r : all.json()) value[{r["series"].get<std::string>(), r["date"].get<std::string>()}] = r["value"].get<double>();
    int checked = 0;
    for (int i = 0; i < h.firstBottom(); ++i)
      for (const auto& [key, v] : value) {
        if (key.first != h.nodes()[static_cast<std::size_t>(i)].name) continue;
        double sum = 0;
        for (const int b : h.bottomUnder(i))
          sum += value.at({h.nodes()[static_cast<std::size_t>(h.firstBottom() + b)].name, key.second});
        QVERIFY2(std::abs(v - sum) <= 1e-9 * std::max(std::abs(v), 1.0), key.first.c_str());
        ++checked;
      }
    QCOMPARE(checked, h.firstBottom() * 4);
    const auto one = get("/v1/models/stores-by-kind/forecast?horizon=4&series=East*food");
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().size(), std::size_t(4));
    for (const auto& r : one.json()) QCOMPARE(r["value"].get<double>(), value.at({"East*food", r["date"].get<std::string>()}));
  }

  void postIsRefusedForAHierarchy() {
    const QByteArray body = R"({"horizon":1,"series":"East/a","history":[{"date":"2020-05-20","value":60}]})";
    const auto r = HttpTestClient::post(port_, "/v1/models/stores/forecast", body, kKeyHeader);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json()["error"]["code"], "hierarchical_model");
  }

  void intervalsOfATopDownVersionAreRefused() {
    const auto r = get("/v1/models/stores/forecast?horizon=2&version=2");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json()["error"]["code"], "not_reconcilable");
    QVERIFY(r.body.contains("top_down_fp"));
  }
};

QTEST_GUILESS_MAIN(HierarchyServingTest)
#include "HierarchyServingTest.moc"
