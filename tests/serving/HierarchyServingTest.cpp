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

// Stores East/a, East/b, West/c with different weekly patterns; every
// aggregate is the sum of its stores, fitted with its own ets, so the base
// forecasts do not add up.
std::string hierarchicalArtifact(ReconcileMethod method) {
  const Hierarchy h = Hierarchy::fromPaths({"region", "store"}, {{"East", "a"}, {"East", "b"}, {"West", "c"}});
  const Date start = *Date::parseIso("2020-01-01");
  std::map<std::string, Eigen::VectorXd> values;
  const std::map<std::string, double> level = {{"East/a", 40}, {"East/b", 25}, {"West/c", 60}};
  for (const auto& [name, base] : level) {
    Eigen::VectorXd v(140);
    for (Eigen::Index i = 0; i < v.size(); ++i) {
      const double t = static_cast<double>(i);
      v[i] = base + 0.1 * t + (base / 5) * std::sin(2 * M_PI * t / 7 + base) + 2 * std::cos(1.3 * t + base);
    }
    values[name] = v;
  }
  values["East"] = values["East/a"] + values["East/b"];
  values["West"] = values["West/c"];
  values["Total"] = values["East"] + values["West"];
  std::vector<std::unique_ptr<Forecaster>> owned;
  std::vector<const Forecaster*> models;
  for (const auto& node : h.nodes()) {
    owned.push_back(ModelFactory::create(ModelSpec::parse("ets")));
    owned.back()->fit(TimeSeries{node.name, Frequency::Daily, start, values.at(node.name)});
    models.push_back(owned.back().get());
  }
  ReconcileOptions o;
  o.method = method;
  return ModelArtifact::toText(ModelArtifact::buildHierarchical(models, HierarchicalModel::section(h, o)));
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
