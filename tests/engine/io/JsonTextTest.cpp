// parseJsonText: the one JSON reader for user and client input refuses
// syntax errors (with the line), numbers beyond double's range and keys
// repeated in one object (named by their path), and reads everything else
// as nlohmann does.
#include <QtTest/QtTest>
#include <string>

#include "engine/io/JsonText.h"

using foresight::JsonTextError;
using foresight::parseJsonText;

namespace {

JsonTextError refusal(const std::string& text) {
  try {
    parseJsonText(text, "in.json");
  } catch (const JsonTextError& e) {
    return e;
  }
  throw std::runtime_error("accepted: " + text);
}

}  // namespace

class JsonTextTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void readsValidDocuments() {
    const auto j = parseJsonText(R"({"a": [1, {"b": 2, "c": [3, 4]}, {"b": 5}], "d": {"e": null}})", "in.json");
    QCOMPARE(j["a"][1]["c"][1].get<int>(), 4);
    QCOMPARE(j["a"][2]["b"].get<int>(), 5);  // the same key in sibling objects is fine
    QVERIFY(j["d"]["e"].is_null());
    QCOMPARE(parseJsonText("[]", "x").size(), std::size_t(0));
    QCOMPARE(parseJsonText("3.5", "x").get<double>(), 3.5);
  }

  void duplicateKeysAreNamedByTheirPath_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::newRow("top level") << R"({"horizon": 1, "horizon": 900})" << "horizon";
    QTest::newRow("nested object") << R"({"data": {"freq": "D", "to": "x", "freq": "W"}})" << "data.freq";
    QTest::newRow("inside an array") << R"({"versions": [{"v": 1}, {"tags": {"k": 1, "k": 2}}]})"
                                     << "versions[1].tags.k";
    QTest::newRow("after nested arrays") << R"({"a": [[1, 2], [3], {"x": 1, "x": 1}]})" << "a[2].x";
    QTest::newRow("root array") << R"([{"n": 1}, {"n": 2, "n": 2}])" << "[1].n";
    QTest::newRow("same value twice") << R"({"name": "a", "name": "a"})" << "name";
    QTest::newRow("empty key") << "{\"\": 1, \"\": 2}" << "\"\"";
    QTest::newRow("empty key nested") << "{\"a\": {\"\": 1, \"\": 2}}" << "a.\"\"";
  }
  void duplicateKeysAreNamedByTheirPath() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    const JsonTextError e = refusal(text.toStdString());
    QCOMPARE(e.kind(), JsonTextError::Kind::DuplicateKey);
    QCOMPARE(QString::fromStdString(e.where().field), path);
    QCOMPARE(e.where().file, std::string("in.json"));
    QVERIFY2(std::string(e.what()).find("appears more than once") != std::string::npos, e.what());
  }

  void syntaxErrorsNameTheLine() {
    const JsonTextError e = refusal("{\n  \"a\": 1,\n  \"b\": ,\n}");
    QCOMPARE(e.kind(), JsonTextError::Kind::Syntax);
    QCOMPARE(e.where().line, std::size_t(3));
    QVERIFY2(std::string(e.what()).find("in.json:3: not valid JSON") != std::string::npos, e.what());
    QCOMPARE(refusal("").kind(), JsonTextError::Kind::Syntax);
    QCOMPARE(refusal("{\"a\": 1} trailing").kind(), JsonTextError::Kind::Syntax);
  }

  void numbersBeyondDoubleAreRefused() {
    const JsonTextError e = refusal(R"({"horizon": 1e309})");
    QCOMPARE(e.kind(), JsonTextError::Kind::NumberOutOfRange);
    QVERIFY2(std::string(e.what()).find("out of range") != std::string::npos, e.what());
  }
};

QTEST_GUILESS_MAIN(JsonTextTest)
#include "JsonTextTest.moc"
