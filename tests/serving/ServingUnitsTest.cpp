// The serving pieces that need no socket: query and path decoding, UTF-8
// checks, the API key, request validation, the forecast cache, access log
// scrubbing, the OpenAPI document.
#include <QtTest/QtTest>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "serving/AccessLog.h"
#include "serving/ApiKey.h"
#include "serving/ForecastCache.h"
#include "serving/ForecastQuery.h"
#include "serving/HttpError.h"
#include "serving/OpenApiDocument.h"
#include "serving/QueryString.h"
#include "serving/RequestPath.h"

using namespace foresight;
using namespace foresight::serving;

namespace {

// The status of the HttpError `f` throws; 0 when it does not throw.
template <typename F>
int statusOf(F f) {
  try {
    f();
  } catch (const HttpError& e) {
    return e.status();
  }
  return 0;
}

// Every byte but RFC 3986's unreserved ones as %XX.
QByteArray percentEncode(const std::string& text) {
  return QByteArray::fromStdString(text).toPercentEncoding();
}

// The body and the query string that ask for `q` again.
QByteArray bodyOf(const ForecastQuery& q) {
  nlohmann::json j = {{"horizon", q.horizon}, {"level", q.levels}};
  if (!q.series.empty()) j["series"] = q.series;
  nlohmann::json history = nlohmann::json::array();
  const TimeSeries& h = *q.history;
  for (Eigen::Index t = 0; t < h.size(); ++t) {
    const bool end = t == 0 || t == h.size() - 1;  // kept even when null: they fix the span
    if (std::isnan(h.values[t]) && !end) continue;
    history.push_back({{"date", h.dateAt(t).toIso()},
                       {"value", std::isnan(h.values[t]) ? nlohmann::json(nullptr) : nlohmann::json(h.values[t])}});
  }
  j["history"] = history;
  return QByteArray::fromStdString(j.dump());
}

QByteArray queryOf(const ForecastQuery& q) {
  QByteArray levels;
  for (const double l : q.levels) levels += (levels.isEmpty() ? "" : ",") + QByteArray::number(l, 'g', 17);
  QByteArray out = "horizon=" + QByteArray::number(q.horizon) + "&level=" + percentEncode(levels.toStdString());
  if (!q.series.empty()) out += "&series=" + percentEncode(q.series);
  if (q.alias) out += "&alias=" + percentEncode(*q.alias);
  if (q.version) out += "&version=" + QByteArray::number(*q.version);
  out += q.csv ? "&format=csv" : "&format=json";
  return out;
}

void compareQueries(const ForecastQuery& again, const ForecastQuery& q, const std::string& where) {
  QVERIFY2(again.horizon == q.horizon && again.levels == q.levels && again.series == q.series &&
               again.alias == q.alias && again.version == q.version && again.csv == q.csv,
           where.c_str());
  QCOMPARE(again.history.has_value(), q.history.has_value());
  if (!q.history) return;
  const TimeSeries &a = *again.history, &b = *q.history;
  QVERIFY2(a.start == b.start && a.size() == b.size() && a.name == b.name, where.c_str());
  for (Eigen::Index t = 0; t < a.size(); ++t)
    QVERIFY2(std::isnan(a.values[t]) ? std::isnan(b.values[t]) : a.values[t] == b.values[t], where.c_str());
}

// Parsing what was written back out must succeed.
template <typename F>
void mustParse(const std::string& where, F f) {
  try {
    f();
  } catch (const HttpError& e) {
    QFAIL(qPrintable(QString::fromStdString(where + ": written back out, it is refused: " + e.what())));
  }
}

// Runs one parse and judges its outcome: an accepted parse (the round trip
// inside `parse` checks it) or a client error that names what is wrong.
template <typename F>
void judge(std::pair<int, int>& verdict, const std::string& where, F parse) {
  try {
    parse();
    ++verdict.first;
  } catch (const HttpError& e) {
    ++verdict.second;
    const std::string message = e.what();
    QVERIFY2(e.status() == 400 || e.status() == 413 || e.status() == 422, (where + ": " + message).c_str());
    QVERIFY2(!e.code().empty() && e.code().find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos,
             (where + ": code " + e.code()).c_str());
    bool named = false;
    for (const char* part : {"horizon", "level", "series", "history", "alias", "version", "format", "body",
                             "query parameter", "path"})
      named = named || message.find(part) != std::string::npos;
    QVERIFY2(named, (where + ": the message names no field: " + message).c_str());
  }
}

}  // namespace

class ServingUnitsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void utf8Validation() {
    QVERIFY(isValidUtf8("plain"));
    QVERIFY(isValidUtf8("Zürich, 東京, 🙂"));
    QVERIFY(!isValidUtf8("\xff"));
    QVERIFY(!isValidUtf8("\xc3\x28"));          // bad continuation
    QVERIFY(!isValidUtf8("\xc0\xaf"));          // overlong '/'
    QVERIFY(!isValidUtf8("\xed\xa0\x80"));      // UTF-16 surrogate
    QVERIFY(!isValidUtf8("\xe2\x82"));          // truncated
    QVERIFY(!isValidUtf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
  }

  void queryStringDecodesStrictly() {
    const QueryString q = QueryString::parse("horizon=30&level=80%2C95&series=South+West&format=");
    QCOMPARE(*q.get("horizon"), std::string("30"));
    QCOMPARE(*q.get("level"), std::string("80,95"));
    QCOMPARE(*q.get("series"), std::string("South West"));
    QCOMPARE(*q.get("format"), std::string());
    QVERIFY(!q.get("alias"));
    QCOMPARE(statusOf([] { QueryString::parse("a=1&a=2"); }), 400);
    QCOMPARE(statusOf([] { QueryString::parse("series=%FF"); }), 400);
    QCOMPARE(statusOf([] { QueryString::parse("a=1").requireOnly({"b"}); }), 400);
    QCOMPARE(statusOf([] { QueryString::parse("b=1").requireOnly({"b"}); }), 0);
  }

  void pathSegmentsCannotEscape() {
    const RequestPath p = RequestPath::parse("/v1/models/aw%2Drevenue/forecast");
    QVERIFY(p.is({"v1", "models", "aw-revenue", "forecast"}));
    QVERIFY(RequestPath::parse("/v1/health/").is({"v1", "health"}));
    for (const char* bad : {"/v1/models/../x", "/v1/models/%2e%2e/x", "/v1/models/a%2Fb", "/v1/models/a%00b",
                            "/v1/models/%C3%28", "relative", "/v1/models/a%5Cb"})
      QVERIFY2(statusOf([bad] { RequestPath::parse(bad); }) == 400, bad);
  }

  void apiKeyComparesDigests() {
    const ApiKey none;
    QVERIFY(!none.configured());
    QVERIFY(none.matches("anything"));
    const ApiKey key = ApiKey::fromValue("  s3cret-0123456789\n", "test");
    QVERIFY(key.configured());
    QVERIFY(key.matches("s3cret-0123456789"));
    QVERIFY(!key.matches("s3cret-012345678"));
    QVERIFY(!key.matches("s3cret-0123456789 "));
    QVERIFY(!key.matches(""));
    QVERIFY_THROWS_EXCEPTION(InputError, ApiKey::fromValue(" \n", "test"));
  }

  // Keys shorter than ApiKey::kMinBytes, empty or missing are refused, naming
  // where they came from; 16 bytes are enough.
  void apiKeyTooShortIsRefused() {
    QVERIFY(ApiKey::fromValue(std::string(ApiKey::kMinBytes, 'a'), "test").configured());
    for (const std::string& value : {std::string("k"), std::string(ApiKey::kMinBytes - 1, 'a'), std::string("   ")}) {
      try {
        ApiKey::fromValue(value, "the source");
        QFAIL(qPrintable(QString::fromStdString("accepted the key '" + value + "'")));
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("the source") != std::string::npos, e.what());
      }
    }
  }

  void apiKeyFromEnvironment() {
    qunsetenv("FORESIGHT_API_KEY");
    QVERIFY(!ApiKey::fromEnvironment().configured());  // unset: no key, by choice
    qputenv("FORESIGHT_API_KEY", "env-key-0123456789");
    QVERIFY(ApiKey::fromEnvironment().matches("env-key-0123456789"));
    for (const char* value : {"", "short"}) {
      qputenv("FORESIGHT_API_KEY", value);
      try {
        ApiKey::fromEnvironment();
        QFAIL(qPrintable(QStringLiteral("FORESIGHT_API_KEY='%1' was accepted").arg(QLatin1String(value))));
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("FORESIGHT_API_KEY") != std::string::npos, e.what());
      }
    }
    qunsetenv("FORESIGHT_API_KEY");
  }

  void apiKeyFromFile() {
    const auto dir = test::makeTempDir("apikey");
    std::ofstream(dir / "key") << "from-file-0123456789\nsecond line ignored\n";
    QVERIFY(ApiKey::fromFile(dir / "key").matches("from-file-0123456789"));
    std::ofstream(dir / "empty") << "\n";
    std::ofstream(dir / "short") << "from-file\n";
    std::filesystem::create_directory(dir / "folder");
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"empty", "empty"}, {"short", "at least 16"}, {"folder", "is a folder"}, {"missing", "file not found"}};
    for (const auto& [name, why] : bad) {
      try {
        ApiKey::fromFile(dir / name);
        QFAIL(qPrintable(QString::fromStdString("the key file " + name + " was accepted")));
      } catch (const InputError& e) {
        const std::string what = e.what();
        QVERIFY2(what.find((dir / name).string()) != std::string::npos && what.find(why) != std::string::npos, e.what());
      }
    }
  }

  void forecastQueryValidation() {
    const ServingLimits limits;
    const ForecastQuery q = ForecastQuery::fromQuery(QueryString::parse("horizon=12&level=95,80&alias=staging&format=csv"), limits);
    QCOMPARE(q.horizon, 12);
    QCOMPARE(q.levels, (std::vector<double>{80, 95}));
    QCOMPARE(*q.alias, std::string("staging"));
    QVERIFY(q.csv);
    QCOMPARE(q.levelsKey(), std::string("80,95"));
    const std::vector<std::pair<const char*, int>> cases = {
        {"", 400},          {"horizon=x", 400},           {"horizon=0", 422},
        {"horizon=-1", 422}, {"horizon=1001", 422},        {"horizon=1e2", 400},
        {"horizon=1&level=", 400}, {"horizon=1&level=0", 422}, {"horizon=1&level=100", 422},
        {"horizon=1&level=inf", 422}, {"horizon=1&level=80,80", 422}, {"horizon=1&format=xml", 400},
        {"horizon=1&alias=a&version=1", 400}, {"horizon=1&version=x", 400}, {"horizon=1&version=0", 422},
        {"horizon=1&alias=..", 400}, {"horizon=1&extra=1", 400}, {"horizon=99999999999999999999", 422}};
    for (const auto& [text, status] : cases)
      QVERIFY2(statusOf([&] { ForecastQuery::fromQuery(QueryString::parse(text), limits); }) == status, text);
  }

  void forecastBodyValidation() {
    const ServingLimits limits;
    const QueryString none;
    const ForecastQuery q = ForecastQuery::fromBody(
        R"({"horizon":3,"level":[90],"series":"s","history":[{"date":"2020-01-03","value":2},{"date":"2020-01-01","value":null}]})",
        none, limits);
    QCOMPARE(q.horizon, 3);
    QCOMPARE(q.levels, std::vector<double>{90});
    QVERIFY(q.history);
    QCOMPARE(q.history->start.toIso(), std::string("2020-01-01"));
    QCOMPARE(q.history->size(), Eigen::Index(3));
    QVERIFY(std::isnan(q.history->values[0]) && std::isnan(q.history->values[1]));
    QCOMPARE(q.history->values[2], 2.0);
    const std::vector<std::pair<const char*, int>> cases = {
        {"{", 400},
        {"[]", 422},
        {R"({"history":[]})", 422},
        {R"({"horizon":"3","history":[{"date":"2020-01-01","value":1}]})", 422},
        {R"({"horizon":2.5,"history":[{"date":"2020-01-01","value":1}]})", 422},
        {R"({"horizon":3})", 422},
        {R"({"horizon":3,"history":[{"date":"2020-02-30","value":1}]})", 422},
        {R"({"horizon":3,"history":[{"date":"2020-01-01","value":"1"}]})", 422},
        {R"({"horizon":3,"history":[{"date":"2020-01-01","value":1},{"date":"2020-01-01","value":2}]})", 422},
        {R"({"horizon":3,"history":[{"value":1}]})", 422},
        {R"({"horizon":3,"history":[{"date":"2020-01-01","value":1,"x":0}]})", 422},
        {R"({"horizon":3,"level":"x","history":[{"date":"2020-01-01","value":1}]})", 400},
        {R"({"horizon":3,"level":[120],"history":[{"date":"2020-01-01","value":1}]})", 422},
        {R"({"horizon":3,"history":[{"date":"2020-01-01","value":1}],"extra":true})", 422},
        {"{\"horizon\":3,\"series\":\"\xff\",\"history\":[]}", 400}};
    for (const auto& [text, status] : cases)
      QVERIFY2(statusOf([&] { ForecastQuery::fromBody(text, none, limits); }) == status, text);
    // A field sent twice would silently take the last value: 400
    // duplicate_field naming it (nested ones by their path).
    for (const auto& [text, field] : std::vector<std::pair<const char*, std::string>>{
             {R"({"horizon":1,"horizon":900,"history":[{"date":"2020-01-01","value":1}]})", "'horizon'"},
             {R"({"horizon":1,"history":[{"date":"2020-01-01","value":1,"value":7}]})", "'history[0].value'"}}) {
      try {
        ForecastQuery::fromBody(text, none, limits);
        QFAIL(text);
      } catch (const HttpError& e) {
        QCOMPARE(e.status(), 400);
        QCOMPARE(e.code(), std::string("duplicate_field"));
        QVERIFY2(std::string(e.what()).find("body field " + field) != std::string::npos, e.what());
      }
    }
    ServingLimits small;
    small.maxHistory = 1;
    QCOMPARE(statusOf([&] {
               ForecastQuery::fromBody(R"({"horizon":1,"history":[{"date":"2020-01-01","value":1},{"date":"2020-01-02","value":1}]})",
                                       none, small);
             }),
             413);
  }

  void forecastCacheEvictsLeastRecentlyUsed() {
    ForecastCache cache(2);
    const auto k1 = ForecastCache::key("m", 1, "sha", 3, "80", "", false);
    const auto k2 = ForecastCache::key("m", 2, "sha", 3, "80", "", false);
    const auto k3 = ForecastCache::key("m", 1, "sha", 3, "80", "", true);
    QVERIFY(k1 != k2 && k1 != k3);
    cache.insert(k1, "one");
    cache.insert(k2, "two");
    QCOMPARE(*cache.find(k1), QByteArray("one"));  // k1 is now the most recent
    cache.insert(k3, "three");                     // evicts k2
    QVERIFY(!cache.find(k2));
    QCOMPARE(*cache.find(k3), QByteArray("three"));
    QCOMPARE(cache.size(), std::size_t(2));
    QCOMPARE(cache.hits(), 2LL);
    QCOMPARE(cache.misses(), 1LL);
  }

  void accessLogNeverShowsTheKey() {
    QCOMPARE(AccessLog::scrubTarget("/v1/models?api_key=s3cret&x=1"), QByteArray("/v1/models?api_key=***&x=1"));
    QCOMPARE(AccessLog::scrubTarget("/m?a=1&api%5Fkey=s3cret"), QByteArray("/m?a=1&api%5Fkey=***"));
    const QByteArray line = AccessLog::requestLine("GET", "/x?api_key=s3cret\n", 401, 10, 0.5);
    QVERIFY(!line.contains("s3cret"));
    QVERIFY(line.contains(" GET /x?api_key=*** 401 10 0.50ms"));
    QCOMPARE(line.count('\n'), 1);
    // Misspelt and other key-like names are masked too; ordinary ones are not.
    for (const char* name : {"API_KEY", "apikey", "ApiKey", "api-key", "key", "KEY", "token", "access_token", "password",
                             "secret", "x-auth", "sessionid", "API%5FKEY", "api%2dkey"}) {
      const QByteArray target = "/v1/models/sales/forecast?horizon=1&" + QByteArray(name) + "=s3cret&format=csv";
      const QByteArray logged = AccessLog::requestLine("GET", target, 400, 10, 0.5);
      QVERIFY2(!logged.contains("s3cret") && logged.contains(QByteArray(name) + "=***"), logged.constData());
      QVERIFY2(logged.contains("horizon=1&") && logged.contains("&format=csv"), logged.constData());
    }
    QCOMPARE(AccessLog::scrubTarget("/m?horizon=3&series=Mars&level=80&alias=x&version=2"),
             QByteArray("/m?horizon=3&series=Mars&level=80&alias=x&version=2"));
  }

  // Random mutations of valid requests (a JSON body, a query string, a
  // path; fixed seed, so a failure reproduces), each given to every parser.
  // The oracle: a parser either rejects the text with an HttpError that is a
  // client error (400, 413, 422) with a code and a message naming the field
  // or part at fault, or accepts it, and then what it parsed, written back
  // out, parses to the same thing. Any other exception fails the test.
  void parsersRejectWithANamedErrorOrRoundTrip() {
    using namespace std::string_literals;
    std::mt19937 rng(20261129);
    const ServingLimits limits;
    const std::string seeds[] = {
        R"({"horizon":3,"level":[80,95],"series":"s","history":[{"date":"2020-01-01","value":1.5}]})",
        "horizon=3&level=80,95&alias=champion&format=csv&series=North", "/v1/models/aw-revenue/forecast"};
    const std::string alphabet = "{}[]\":,.-+eE0123456789%/&=?;abchorizn \x00\xff\xc3\x80"s;
    std::map<std::string, std::pair<int, int>> verdicts;  // parser -> (accepted, rejected)
    for (int round = 0; round < 3000; ++round) {
      std::string text = seeds[static_cast<std::size_t>(round) % 3];
      const int edits = 1 + static_cast<int>(rng() % 6);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = text.empty() ? 0 : rng() % text.size();
        const char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0: text.insert(at, 1, c); break;
          case 1: if (!text.empty()) text.erase(at, 1); break;
          default: if (!text.empty()) text[at] = c;
        }
      }
      const QByteArray bytes = QByteArray::fromStdString(text);
      const std::string where = "round " + std::to_string(round) + ", text " + quoteForMessage(text);
      judge(verdicts["body"], where, [&] {
        const ForecastQuery q = ForecastQuery::fromBody(bytes, QueryString(), limits);
        mustParse(where, [&] { compareQueries(ForecastQuery::fromBody(bodyOf(q), QueryString(), limits), q, where); });
      });
      judge(verdicts["query"], where, [&] {
        const ForecastQuery q = ForecastQuery::fromQuery(QueryString::parse(bytes), limits);
        mustParse(where, [&] { compareQueries(ForecastQuery::fromQuery(QueryString::parse(queryOf(q)), limits), q, where); });
      });
      judge(verdicts["query string"], where, [&] {
        const QueryString q = QueryString::parse(bytes);
        QByteArray again;
        for (const auto& [name, value] : q.values())
          again += (again.isEmpty() ? "" : "&") + percentEncode(name) + "=" + percentEncode(value);
        mustParse(where, [&] { QVERIFY2(QueryString::parse(again).values() == q.values(), where.c_str()); });
      });
      judge(verdicts["path"], where, [&] {
        const RequestPath p = RequestPath::parse(bytes);
        // Segments joined by '/'; the parser reads one trailing '/' as
        // nothing, so an empty last segment needs one more.
        QByteArray again = "/";
        for (std::size_t i = 0; i < p.size(); ++i) again += (i ? "/" : "") + percentEncode(p[i]);
        if (p.size() > 0 && p.segments().back().empty()) again += "/";
        mustParse(where, [&] { QVERIFY2(RequestPath::parse(again).segments() == p.segments(), where.c_str()); });
      });
      if (QTest::currentTestFailed()) return;
    }
    // Both branches of the oracle ran for every parser (the counts are fixed
    // by the seed: body 8 accepted, since few mutations of JSON stay valid;
    // the floors keep the mutations from degenerating).
    for (const auto& [parser, v] : verdicts) qInfo("%s: %d accepted, %d rejected", parser.c_str(), v.first, v.second);
    for (const auto& [parser, v] : verdicts) QVERIFY2(v.first >= 5 && v.second >= 5, parser.c_str());
  }

  void openApiDocumentDescribesEveryRoute() {
    const QByteArray bytes = OpenApiDocument::bytes();
    const auto doc = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
    QVERIFY(doc["openapi"].get<std::string>().starts_with("3."));
    for (const char* path : {"/v1/health", "/v1/models", "/v1/models/{name}", "/v1/models/{name}/forecast",
                             "/openapi.json", "/metrics"})
      QVERIFY2(doc["paths"].contains(path), path);
    QVERIFY(doc["paths"]["/v1/models/{name}/forecast"].contains("post"));
    QVERIFY(doc["components"]["securitySchemes"].contains("ApiKeyHeader"));
  }
};

QTEST_GUILESS_MAIN(ServingUnitsTest)
#include "ServingUnitsTest.moc"
