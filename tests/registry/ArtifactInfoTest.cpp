// What the registry reads out of model artifacts, and how it refuses bad ones.
#include <QtTest/QtTest>
#include <algorithm>

#include "RegistryTestSupport.h"
#include "engine/common/Errors.h"
#include "registry/ArtifactInfo.h"

using foresight::InputError;
using foresight::registry::ArtifactInfo;

namespace {
// JSON written with single quotes (readable in C++; moc trips over raw strings).
std::string js(std::string s) {
  std::replace(s.begin(), s.end(), '\'', '"');
  return s;
}
}  // namespace

class ArtifactInfoTest : public QObject {
  Q_OBJECT
  // Asserts that parsing `text` fails with an InputError naming the file,
  // `field` and containing `problem`.
  static void expectError(const std::string& text, const std::string& field, const std::string& problem,
                          std::size_t line = 0) {
    try {
      ArtifactInfo::parse(text, "model.json");
      QFAIL(("accepted: " + text.substr(0, 80)).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.rfind("model.json", 0) == 0, msg.c_str());
      QCOMPARE(e.where().field, field);
      QVERIFY2(msg.find(problem) != std::string::npos, msg.c_str());
      if (line) QCOMPARE(e.where().line, line);
    }
  }

 private Q_SLOTS:
  void indexesASingleModel() {
    const ArtifactInfo a = ArtifactInfo::parse(foresight::test::artifactJson(3), "m.json");
    QCOMPARE(a.modelType, std::string("ets"));
    QCOMPARE(a.spec, std::string("ets(error=A)"));
    QCOMPARE(a.seriesCount, 1);
    QCOMPARE(a.series, std::string("total"));
    QCOMPARE(a.frequency, std::string("D"));
    QCOMPARE(a.trainStart, std::string("2015-01-01"));
    QCOMPARE(a.trainEnd, std::string("2016-12-31"));
    QCOMPARE(a.dataSha256, std::string(63, 'a') + "3");
    QCOMPARE(a.metrics["aic"].get<double>(), 1003.5);
    QCOMPARE(a.params["alpha"].get<double>(), 0.13);
    QCOMPARE(a.toolVersion, std::string("0.1.0"));
  }
  void fitNumbersAreMetricsWhenNoMetricsObject() {
    const ArtifactInfo a = ArtifactInfo::parse(
        js("{'schema':'foresight.model/1','model':'naive','spec':'naive','fit':{'n':10,'aic':12.5,'bic':14,'series':'s'}}"),
        "m.json");
    QCOMPARE(a.spec, std::string("naive"));
    QCOMPARE(a.metrics.size(), std::size_t(2));
    QVERIFY(!a.metrics.contains("n"));
    QCOMPARE(a.metrics["bic"].get<int>(), 14);
  }
  void indexesAPanel() {
    const ArtifactInfo p = ArtifactInfo::parse(foresight::test::panelArtifactJson({"north", "south", "west"}), "p.json");
    QCOMPARE(p.modelType, std::string("panel"));
    QCOMPARE(p.seriesCount, 3);
    QCOMPARE(p.trainStart, std::string("2015-01-01"));  // earliest
    QCOMPARE(p.trainEnd, std::string("2016-12-01"));    // latest
    QCOMPARE(p.frequency, std::string("D"));
    QCOMPARE(p.metrics["south"]["sigma2"].get<int>(), 2);
    QCOMPARE(p.params["west"]["theta"].get<int>(), 2);
    // Different data per series: the fingerprint is the hash of the hashes.
    QCOMPARE(p.dataSha256.size(), std::size_t(64));
    QVERIFY(p.dataSha256 != std::string(64, 'a'));
    // One data file behind all series: its own hash.
    const std::string same = js("{'schema':'foresight.model/1','panel':[{'model':'naive','fit':{'series':'a',"
                                "'data_sha256':'" + std::string(64, 'c') + "'}},{'model':'naive','fit':{"
                                "'series':'b','data_sha256':'" + std::string(64, 'c') + "'}}]}");
    QCOMPARE(ArtifactInfo::parse(same, "p.json").dataSha256, std::string(64, 'c'));
  }
  void refusesBadArtifacts() {
    expectError("", "", "empty");
    expectError("{\n  \"schema\": \"foresight.model/1\",\n  \"model\": ets\n}", "", "not valid JSON", 3);
    expectError("[1,2]", "", "expected a JSON object");
    expectError(js("{'model':'ets','fit':{}}"), "schema", "missing");
    expectError(js("{'schema':'foresight.model/9','model':'ets','fit':{}}"), "schema", "unsupported artifact schema");
    expectError(js("{'schema':'foresight.model/1','fit':{}}"), "model", "missing");
    expectError(js("{'schema':'foresight.model/1','model':7,'fit':{}}"), "model", "expected a string");
    expectError(js("{'schema':'foresight.model/1','model':'ets'}"), "fit", "missing");
    expectError(js("{'schema':'foresight.model/1','model':'ets','fit':[]}"), "fit", "expected an object");
    expectError(js("{'schema':'foresight.model/1','model':'ets','fit':{'data_sha256':'xyz'}}"), "fit.data_sha256",
                "64 lowercase hex");
    expectError(js("{'schema':'foresight.model/1','model':'ets','fit':{'n':1.5}}"), "fit.n", "whole number");
    expectError(js("{'schema':'foresight.model/1','model':'ets','fit':{'metrics':3}}"), "fit.metrics", "object");
    expectError(js("{'schema':'foresight.model/1','model':'ets','params':[1],'fit':{}}"), "params", "object");
    expectError(js("{'schema':'foresight.model/1','panel':[]}"), "panel", "non-empty array");
    expectError(js("{'schema':'foresight.model/1','panel':[{'model':'a','fit':{'series':'x'}},7]}"), "panel[1]",
                "expected an object");
    expectError(js("{'schema':'foresight.model/1','panel':[{'model':'a','fit':{'series':'x'}},{'model':'b'}]}"),
                "panel[1].fit", "missing");
    expectError(
        js("{'schema':'foresight.model/1','panel':[{'model':'a','fit':{'series':'x'}},{'model':'b','fit':{'series':'x'}}]}"),
        "panel[1].fit.series", "appears twice");
  }
};

QTEST_GUILESS_MAIN(ArtifactInfoTest)
#include "ArtifactInfoTest.moc"
