#include <QtTest/QtTest>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "ModelTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/common/Sha256.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using foresight::test::airPassengers;
using foresight::test::makeSeries;

namespace {

const ArtifactClock kFixedClock = [] { return std::string("2024-01-02T03:04:05Z"); };

std::string artifactText(const Forecaster& model) {
  return ModelArtifact::toText(ModelArtifact::build({&model}, false, kFixedClock));
}

// The InputError message of parsing `text` as "m.json" ("" when accepted).
std::string loadError(const std::string& text) {
  try {
    (void)ModelArtifact::parse(text, "m.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

class ModelArtifactTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyModelRoundTripsByteForByte_data() {
    QTest::addColumn<QString>("spec");
    for (const auto& info : ModelFactory::models())
      QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
    QTest::newRow("snaive(period=4)") << QStringLiteral("snaive(period=4)");
    QTest::newRow("moving_average(window=7)") << QStringLiteral("moving_average(window=7)");
  }
  void everyModelRoundTripsByteForByte() {
    QFETCH(QString, spec);
    const auto model = test::fittedModel(spec.toStdString(), airPassengers());
    const std::string first = artifactText(*model);
    auto loaded = ModelArtifact::parse(first, "m.json");
    QCOMPARE(loaded.models.size(), std::size_t(1));
    QVERIFY(!loaded.panel);
    QCOMPARE(artifactText(*loaded.models[0]), first);
    // Forecasts after load equal forecasts before save, exactly.
    const Forecast a = model->forecast(18, {80, 95}), b = loaded.models[0]->forecast(18, {80, 95});
    QCOMPARE(a.start, b.start);
    QVERIFY(a.mean == b.mean && a.lower == b.lower && a.upper == b.upper);
    // And after an update with newer data.
    const TimeSeries newer{"AirPassengers", Frequency::Monthly, *Date::fromYmd(1961, 1, 1), Eigen::Vector3d(440, 420, 470)};
    model->update(newer);
    loaded.models[0]->update(newer);
    QCOMPARE(artifactText(*loaded.models[0]), artifactText(*model));
    const std::string updated = artifactText(*model);
    QCOMPARE(artifactText(*ModelArtifact::parse(updated, "m.json").models[0]), updated);
  }
  void artifactCarriesTheContractFields() {
    const auto model = test::fittedModel("snaive(period=12)", airPassengers());
    const auto j = nlohmann::json::parse(artifactText(*model));
    QCOMPARE(j["schema"].get<std::string>(), std::string("foresight.model/1"));
    QCOMPARE(j["model"].get<std::string>(), std::string("snaive"));
    QCOMPARE(j["spec"]["period"].get<int>(), 12);
    QCOMPARE(j["spec_text"].get<std::string>(), std::string("snaive(period=12)"));
    QCOMPARE(j["fit"]["series"].get<std::string>(), std::string("AirPassengers"));
    QCOMPARE(j["fit"]["freq"].get<std::string>(), std::string("M"));
    QCOMPARE(j["fit"]["start"].get<std::string>(), std::string("1949-01-01"));
    QCOMPARE(j["fit"]["end"].get<std::string>(), std::string("1960-12-01"));
    QCOMPARE(j["fit"]["n"].get<int>(), 144);
    QCOMPARE(j["fit"]["data_sha256"].get<std::string>(), dataFingerprint(airPassengers()));
    QVERIFY(j["fit"]["metrics"]["rmse"].get<double>() > 0);
    QCOMPARE(j["created_at"].get<std::string>(), std::string("2024-01-02T03:04:05Z"));
    QVERIFY(j["tool_version"].is_string());
  }
  void fingerprintIsTheHashOfCanonicalLines() {
    const TimeSeries s = makeSeries({1.5, std::nan(""), 3});
    QCOMPARE(dataFingerprint(s), Sha256::hex("2020-01-01,1.5\n2020-02-01,\n2020-03-01,3\n"));
  }
  void panelRoundTripsThroughAFile() {
    const auto a = test::fittedModel("drift", airPassengers());
    const auto b = test::fittedModel("drift", makeSeries({3, 1, 4, 1, 5, 9, 2, 6}, Frequency::Monthly, "pi"));
    const auto j = ModelArtifact::build({a.get(), b.get()}, true, kFixedClock);
    const auto dir = test::makeTempDir("artifact");
    ModelArtifact::write(dir / "panel.json", j);
    // Written atomically: the folder holds the file and no temporary beside it.
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    QCOMPARE(names, std::vector<std::string>{"panel.json"});
    auto loaded = ModelArtifact::read(dir / "panel.json");
    QVERIFY(loaded.panel);
    QCOMPARE(loaded.models.size(), std::size_t(2));
    QCOMPARE(loaded.models[1]->info().series, std::string("pi"));
    std::vector<const Forecaster*> again;
    for (const auto& m : loaded.models) again.push_back(m.get());
    QCOMPARE(ModelArtifact::toText(ModelArtifact::build(again, true, kFixedClock)), ModelArtifact::toText(j));
  }
  void refusesNewerSchemaAndCorruptFiles_data() {
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("newer schema") << QStringLiteral("schema=foresight.model/2")
                                  << QStringLiteral("m.json: field 'schema': value 'foresight.model/2': written by a newer");
    QTest::newRow("other schema") << QStringLiteral("schema=other") << QStringLiteral("not a Foresight model artifact");
    QTest::newRow("no state") << QStringLiteral("-state") << QStringLiteral("m.json: field 'state': missing");
    QTest::newRow("no spec") << QStringLiteral("-spec") << QStringLiteral("m.json: field 'spec': missing");
    QTest::newRow("no model state") << QStringLiteral("-state.model") << QStringLiteral("m.json: field 'state.model': missing");
    QTest::newRow("no statistics") << QStringLiteral("-state.statistics") << QStringLiteral("m.json: field 'state.statistics': missing");
    QTest::newRow("no fit.n") << QStringLiteral("-fit.n") << QStringLiteral("m.json: field 'fit.n': missing");
    QTest::newRow("bad date") << QStringLiteral("fit.start=1949-13-01") << QStringLiteral("field 'fit.start'");
    QTest::newRow("bad freq") << QStringLiteral("fit.freq=X") << QStringLiteral("field 'fit.freq'");
    QTest::newRow("unknown model") << QStringLiteral("model=nosuch") << QStringLiteral("field 'model': value 'nosuch': unknown model");
    QTest::newRow("bad spec") << QStringLiteral("spec.window=0") << QStringLiteral("field 'spec.window'");
    QTest::newRow("model state") << QStringLiteral("-state.model.recent")
                                 << QStringLiteral("m.json: field 'state.model.recent': missing");
    QTest::newRow("wrong type") << QStringLiteral("state.model.count=x")
                                << QStringLiteral("field 'state.model.count': expected a whole number");
    QTest::newRow("tampered data") << QStringLiteral("state.y.0=1") << QStringLiteral("field 'fit.data_sha256'");
    QTest::newRow("n mismatch") << QStringLiteral("fit.n=3") << QStringLiteral("field 'state.y'");
  }
  void refusesNewerSchemaAndCorruptFiles() {
    QFETCH(QString, edit);
    QFETCH(QString, expected);
    const auto model = test::fittedModel("moving_average(window=3)", airPassengers());
    nlohmann::json j = nlohmann::json::parse(artifactText(*model));
    // edit: "-a.b" removes a.b; "a.b=v" sets it (numbers stay numbers).
    std::string e = edit.toStdString();
    const bool remove = e.front() == '-';
    if (remove) e = e.substr(1);
    const auto eq = e.find('=');
    std::string path = e.substr(0, eq);
    nlohmann::json::json_pointer ptr("/" + std::regex_replace(path, std::regex("\\."), "/"));
    if (remove) {
      j[ptr.parent_pointer()].erase(ptr.back());
    } else {
      const std::string value = e.substr(eq + 1);
      const bool numeric = !value.empty() && std::isdigit(static_cast<unsigned char>(value[0])) &&
                           value.find('-') == std::string::npos;
      j[ptr] = numeric ? nlohmann::json(std::stoi(value)) : nlohmann::json(value);
    }
    const std::string message = loadError(j.dump());
    QVERIFY2(contains(message, expected.toStdString()), message.c_str());
  }
  void refusesInvalidJsonWithTheLine() {
    const auto model = test::fittedModel("naive", airPassengers());
    const std::string text = artifactText(*model);
    const std::string truncated = text.substr(0, text.size() / 2);
    const std::string message = loadError(truncated);
    const auto lines = std::count(truncated.begin(), truncated.end(), '\n');
    QVERIFY2(contains(message, "m.json:" + std::to_string(lines + 1) + ": not valid JSON"), message.c_str());
    QVERIFY2(contains(loadError(""), "m.json:1: not valid JSON"), loadError("").c_str());
    QVERIFY(contains(loadError("[1, 2]"), "expected a JSON object"));
    QVERIFY(contains(loadError("{\"schema\":\"foresight.model/1\",\"panel\":[]}"), "field 'panel'"));
  }
  void brokenPanelEntryNamesItsIndex() {
    const auto a = test::fittedModel("naive", airPassengers());
    auto j = ModelArtifact::build({a.get(), a.get()}, true, kFixedClock);
    j["panel"][1]["state"].erase("fitted");
    const std::string message = loadError(j.dump());
    QVERIFY2(contains(message, "m.json: field 'panel[1].state.fitted': missing"), message.c_str());
  }
  // A hand-edited artifact with parameters no fit could give (ETS alpha 5)
  // is refused on load, so `forecast` and `registry push` never use it.
  void parametersOutsideTheirBoundsAreRefused() {
    const auto model = test::fittedModel("ets(error=A,trend=N,season=N)", airPassengers());
    nlohmann::json j = nlohmann::json::parse(artifactText(*model));
    QCOMPARE(loadError(j.dump()), std::string());
    j["state"]["model"]["alpha"] = 5.0;
    const std::string message = loadError(j.dump());
    QVERIFY2(contains(message, "m.json: field 'state.model.alpha'") && contains(message, "admissible"),
             message.c_str());
    j["state"]["model"]["alpha"] = 1.5;  // inside ANN's admissible region (0, 2): a fit may leave it there
    QCOMPARE(loadError(j.dump()), std::string());
  }

  void missingFileIsAnInputError() {
    try {
      (void)ModelArtifact::read("/nonexistent/dir/m.json");
      QFAIL("read a missing file");
    } catch (const InputError& e) {
      QVERIFY2(contains(e.what(), "/nonexistent/dir/m.json: file not found"), e.what());
    }
    const auto model = test::fittedModel("naive", airPassengers());
    QVERIFY_THROWS_EXCEPTION(InputError,
                             ModelArtifact::write("/nonexistent/dir/m.json", ModelArtifact::build({model.get()}, false)));
  }
};

QTEST_GUILESS_MAIN(ModelArtifactTest)
#include "ModelArtifactTest.moc"
