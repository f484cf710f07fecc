// Every endpoint of the scoring service over real sockets: health, models,
// details, GET and POST forecasts in JSON and CSV, alias and version
// selection, the API key, the forecast cache, /openapi.json and /metrics.
#include <QtTest/QtTest>

#include "HttpTestClient.h"
#include "ServerThread.h"
#include "ServingTestSupport.h"
#include "TestSupport.h"
#include "engine/models/ModelArtifact.h"
#include "registry/ModelRegistry.h"

using namespace foresight;
using test::HttpTestClient;

namespace {

const QByteArray kKeyHeader = "X-API-Key: s3cret-key-0123456789\r\n";

}  // namespace

class ScoringApiTest : public QObject {
  Q_OBJECT

 private:
  test::ServingFixture fixture_;
  std::unique_ptr<test::ServerThread> server_;
  quint16 port_ = 0;

  test::HttpResult get(const QByteArray& target) { return HttpTestClient::get(port_, target, kKeyHeader); }

 private Q_SLOTS:
  void initTestCase() {
    fixture_ = test::makeServingRegistry("api");
    serving::ServingOptions o = test::testOptions(fixture_.uri);
    o.apiKey = serving::ApiKey::fromValue("s3cret-key-0123456789", "test");
    o.limits.maxRecords = 500;
    server_ = std::make_unique<test::ServerThread>(o);
    QVERIFY2(server_->error().empty(), server_->error().c_str());
    port_ = server_->port();
  }

  void cleanupTestCase() { QVERIFY(server_->stop()); }

  void healthNeedsNoKey() {
    const auto r = HttpTestClient::get(port_, "/v1/health");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["status"], "ok");
    QCOMPARE(r.json()["models"], 2);
  }

  void modelsListsAliasesAndServedVersions() {
    const auto r = get("/v1/models");
    QCOMPARE(r.status, 200);
    const auto models = r.json()["models"];
    QCOMPARE(models.size(), std::size_t(2));
    QCOMPARE(models[1]["name"], "sales");
    QCOMPARE(models[1]["latest_version"], 2);
    QCOMPARE(models[1]["aliases"]["champion"], 1);
    QCOMPARE(models[1]["served"]["challenger"], 1);
  }

  void modelDetailsHasVersions() {
    const auto r = get("/v1/models/sales");
    QCOMPARE(r.status, 200);
    const auto j = r.json();
    QCOMPARE(j["versions"].size(), std::size_t(2));
    QCOMPARE(j["versions"][1]["model_type"], "theta");
    QCOMPARE(get("/v1/models/nope").status, 404);
  }

  void forecastJsonRecordsAreFlatAndMatchTheEngine() {
    const auto r = get("/v1/models/sales/forecast?horizon=5&level=80,95");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("x-model-version"), QByteArray("1"));
    const auto records = r.json();
    QCOMPARE(records.size(), std::size_t(5));
    std::vector<std::string> keys;
    const auto ordered = nlohmann::ordered_json::parse(r.body.constData(), r.body.constData() + r.body.size());
    for (const auto& [k, v] : ordered[0].items()) keys.push_back(k);
    QCOMPARE(keys, (std::vector<std::string>{"series", "date", "value", "lo80", "hi80", "lo95", "hi95", "model", "model_version"}));
    QCOMPARE(records[0]["series"], "total");
    QCOMPARE(records[0]["date"], "2020-05-20");  // the day after 140 days from 2020-01-01
    QCOMPARE(records[4]["date"], "2020-05-24");
    QCOMPARE(records[0]["model"], "sales");
    QCOMPARE(records[0]["model_version"], 1);
    // The same numbers as the engine gives from the registered artifact.
    registry::ModelRegistry reg(fixture_.uri);
    const auto pulled = reg.pull(registry::ModelReference::parse("sales@champion"));
    const auto loaded = ModelArtifact::parse(pulled.bytes, "sales/1");
    const Forecast f = loaded.models[0]->forecast(5, {80, 95});
    for (int i = 0; i < 5; ++i) {
      QCOMPARE(records[static_cast<std::size_t>(i)]["value"].get<double>(), f.mean[i]);
      QCOMPARE(records[static_cast<std::size_t>(i)]["hi95"].get<double>(), f.upper(i, 1));
    }
  }

  void forecastCsvHasTheSameColumns() {
    const auto r = get("/v1/models/sales/forecast?horizon=2&level=90&format=csv");
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/csv"));
    const QList<QByteArray> lines = r.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QByteArray("series,date,value,lo90,hi90,model,model_version"));
    QVERIFY(lines[1].startsWith("total,2020-05-20,"));
    QVERIFY(lines[1].endsWith(",sales,1"));
  }

  void panelSeriesSelectionAndCsvQuoting() {
    const auto all = get("/v1/models/regions/forecast?horizon=2");
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json().size(), std::size_t(4));
    const auto one = get("/v1/models/regions/forecast?horizon=2&series=North");
    QCOMPARE(one.json().size(), std::size_t(2));
    QCOMPARE(one.json()[0]["series"], "North");
    const auto csv = get("/v1/models/regions/forecast?horizon=1&format=csv&series=South%2C%20%22West%22");
    QCOMPARE(csv.status, 200);
    QVERIFY2(csv.body.contains("\n\"South, \"\"West\"\"\",2020-05-20,"), csv.body.constData());
    QCOMPARE(get("/v1/models/regions/forecast?horizon=1&series=East").status, 404);
    // The reply-size limit counts every series of the panel.
    QCOMPARE(get("/v1/models/regions/forecast?horizon=400").json()["error"]["code"], "too_many_records");
    QCOMPARE(get("/v1/models/regions/forecast?horizon=400&series=North").status, 200);
  }

  void aliasAndVersionSelection() {
    QCOMPARE(get("/v1/models/sales/forecast?horizon=1&alias=challenger").headers.value("x-model-version"), QByteArray("1"));
    const auto v2 = get("/v1/models/sales/forecast?horizon=1&version=2");
    QCOMPARE(v2.status, 200);
    QCOMPARE(v2.json()[0]["model_version"], 2);
    QVERIFY(v2.json()[0]["value"] != get("/v1/models/sales/forecast?horizon=1").json()[0]["value"]);
    QCOMPARE(get("/v1/models/sales/forecast?horizon=1&version=3").status, 404);
    QCOMPARE(get("/v1/models/sales/forecast?horizon=1&alias=staging").status, 404);
  }

  void postScoresWithNewerActuals() {
    const QByteArray target = "/v1/models/sales/forecast";
    const auto plain = get(target + "?horizon=3");
    const QByteArray body =
        R"({"horizon":3,"level":[80],"history":[{"date":"2020-05-20","value":500},{"date":"2020-05-21","value":510}]})";
    const auto r = HttpTestClient::post(port_, target, body, kKeyHeader);
    QCOMPARE(r.status, 200);
    const auto records = r.json();
    QCOMPARE(records.size(), std::size_t(3));
    QCOMPARE(records[0]["date"], "2020-05-22");  // after the newer actuals
    QVERIFY(records[0].contains("lo80") && !records[0].contains("lo95"));
    QVERIFY(records[0]["value"].get<double>() != plain.json()[2]["value"].get<double>());  // the state moved
    // The shared model is untouched: GET answers as before.
    QCOMPARE(get(target + "?horizon=3").body, plain.body);
    // Panels need the series named.
    const QByteArray panelBody = R"({"horizon":1,"history":[{"date":"2020-05-20","value":60}]})";
    QCOMPARE(HttpTestClient::post(port_, "/v1/models/regions/forecast", panelBody, kKeyHeader).status, 422);
    const QByteArray named = R"({"horizon":1,"series":"North","history":[{"date":"2020-05-20","value":60}]})";
    const auto n = HttpTestClient::post(port_, "/v1/models/regions/forecast?format=csv", named, kKeyHeader);
    QCOMPARE(n.status, 200);
    QVERIFY(n.body.contains("\nNorth,2020-05-21,"));
  }

  void apiKeyCases() {
    QCOMPARE(HttpTestClient::get(port_, "/v1/models").status, 401);
    QCOMPARE(HttpTestClient::get(port_, "/v1/models").json()["error"]["code"], "missing_api_key");
    QCOMPARE(HttpTestClient::get(port_, "/v1/models", "X-API-Key: wrong\r\n").json()["error"]["code"], "invalid_api_key");
    QCOMPARE(HttpTestClient::get(port_, "/v1/models", "x-api-key: s3cret-key-0123456789\r\n").status, 200);  // any case
    QCOMPARE(HttpTestClient::get(port_, "/v1/models?api_key=s3cret-key-0123456789").status, 200);  // Power BI's ApiKeyName
    QCOMPARE(HttpTestClient::get(port_, "/v1/models/sales/forecast?horizon=1&api_key=s3cret-key-0123456789").status, 200);
    QCOMPARE(HttpTestClient::get(port_, "/metrics").status, 401);
    QCOMPARE(HttpTestClient::get(port_, "/openapi.json").status, 401);
  }

  void repeatedForecastsComeFromTheCache() {
    const QByteArray target = "/v1/models/sales/forecast?horizon=7&level=50";
    const auto first = get(target);
    const auto second = get(target);
    QCOMPARE(first.headers.value("x-cache"), QByteArray("miss"));
    QCOMPARE(second.headers.value("x-cache"), QByteArray("hit"));
    QCOMPARE(second.body, first.body);
    QCOMPARE(get(target + "&format=csv").headers.value("x-cache"), QByteArray("miss"));  // format is part of the key
    QVERIFY(server_->server().service().forecastCache().hits() >= 1);
  }

  void openApiAndMetrics() {
    const auto api = get("/openapi.json");
    QCOMPARE(api.status, 200);
    QVERIFY(api.json()["openapi"].get<std::string>().starts_with("3."));
    const auto m = get("/metrics");
    QCOMPARE(m.status, 200);
    QVERIFY(m.headers.value("content-type").startsWith("text/plain"));
    for (const char* line : {"foresight_http_requests_total{route=\"/v1/models/{name}/forecast\",status=\"200\"}",
                             "foresight_http_request_duration_seconds_bucket{route=\"/v1/models\",le=\"+Inf\"}",
                             "foresight_http_errors_total{code=\"missing_api_key\"}",
                             "foresight_served_model_version{model=\"sales\",alias=\"champion\"} 1",
                             "foresight_model_reloads_total{result=\"ok\"}", "foresight_forecast_cache_hits_total"})
      QVERIFY2(m.body.contains(line), line);
  }

  void keepAliveServesSeveralRequestsOnOneConnection() {
    HttpTestClient c(port_);
    for (int i = 0; i < 3; ++i) {
      c.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
      QCOMPARE(c.read().status, 200);
    }
    // Pipelined: two requests in one write.
    c.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/models HTTP/1.1\r\nHost: x\r\n" + kKeyHeader + "\r\n");
    QCOMPARE(c.read().status, 200);
    QCOMPARE(c.read().json()["models"].size(), std::size_t(2));
  }

  // A version whose stored bytes fail their SHA-256 is not served: 500
  // integrity_error, and the message does not reveal where the registry is.
  void aTamperedVersionIsRefusedWithoutTheRegistryPath() {
    {
      registry::ModelRegistry reg(fixture_.uri);
      registry::PushRequest r;
      r.name = "sales";
      r.artifact = reg.exportModel("sales")["versions"][1]["artifact"].get<std::string>();
      r.artifactLabel = "copy.json";
      QCOMPARE(reg.push(r).version, 3);
    }
    test::tamperArtifact(fixture_.uri, "sales", 3);
    const auto r = get("/v1/models/sales/forecast?horizon=1&version=3");
    QCOMPARE(r.status, 500);
    QCOMPARE(r.json()["error"]["code"], "integrity_error");
    const QByteArray path = QByteArray::fromStdString(fixture_.dir.string());
    QVERIFY2(!r.body.contains(path) && !r.body.contains("sqlite"), r.body.constData());
    QVERIFY2(r.body.contains("version 3"), r.body.constData());
  }
};

QTEST_GUILESS_MAIN(ScoringApiTest)
#include "ScoringApiTest.moc"
