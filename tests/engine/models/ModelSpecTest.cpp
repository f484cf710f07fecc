#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelSpec.h"

using foresight::InputError;
using foresight::ModelSpec;

namespace {
// The message of the InputError that parsing `text` throws ("" if none).
std::string parseError(const std::string& text) {
  try {
    (void)ModelSpec::parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

class ModelSpecTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void bareName() {
    const auto s = ModelSpec::parse("snaive");
    QCOMPARE(s.name, std::string("snaive"));
    QVERIFY(s.args.empty());
    QCOMPARE(s.toString(), std::string("snaive"));
    QVERIFY(ModelSpec::parse("  ets ( ) ").args.empty());
  }
  void argumentsInWrittenOrder() {
    const auto s = ModelSpec::parse(" ets( error = A , trend=Ad; season=M ) ");
    QCOMPARE(s.name, std::string("ets"));
    QCOMPARE(s.args.size(), std::size_t(3));
    QCOMPARE(s.args[0].first, std::string("error"));
    QCOMPARE(s.args[0].second, std::string("A"));
    QCOMPARE(s.args[1].second, std::string("Ad"));
    QCOMPARE(s.args[2].first, std::string("season"));
    QCOMPARE(s.toString(), std::string("ets(error=A,trend=Ad,season=M)"));
  }
  void nestedValuesKeepTheirParentheses() {
    const auto s = ModelSpec::parse("ensemble(members=ets(error=A,trend=N)+theta; combine=median)");
    QCOMPARE(s.args.size(), std::size_t(2));
    QCOMPARE(s.args[0].second, std::string("ets(error=A,trend=N)+theta"));
    QCOMPARE(s.args[1].second, std::string("median"));
    QCOMPARE(ModelSpec::parse(s.toString()).toString(), s.toString());
  }
  void listsSplitAtTopLevel() {
    const auto list = ModelSpec::parseList("snaive, ets(error=A,trend=N) ,theta");
    QCOMPARE(list.size(), std::size_t(3));
    QCOMPARE(list[1].toString(), std::string("ets(error=A,trend=N)"));
    const auto members = ModelSpec::parseList("ets(error=A)+theta", '+');
    QCOMPARE(members.size(), std::size_t(2));
    QCOMPARE(members[1].name, std::string("theta"));
  }
  void badSyntaxNamesThePosition_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("empty model spec at position 1");
    QTest::newRow("unclosed") << QStringLiteral("ets(error=A") << QStringLiteral("missing ')' for the '(' at position 4");
    QTest::newRow("stray close") << QStringLiteral("ets(error=A))") << QStringLiteral("unexpected text after ')' at position 13");
    QTest::newRow("no equals") << QStringLiteral("ets(error)") << QStringLiteral("expected '=' after parameter 'error' at position 10");
    QTest::newRow("empty value") << QStringLiteral("ets(error=)") << QStringLiteral("empty value for parameter 'error' at position 11");
    QTest::newRow("duplicate") << QStringLiteral("ets(error=A,error=M)") << QStringLiteral("duplicate parameter 'error' at position 13");
    QTest::newRow("empty argument") << QStringLiteral("ets(error=A,,trend=N)") << QStringLiteral("empty argument at position 13");
    QTest::newRow("no name") << QStringLiteral("(p=1)") << QStringLiteral("expected a model name at position 1");
    QTest::newRow("junk after name") << QStringLiteral("ets x") << QStringLiteral("expected '(' after the model name at position 5");
    QTest::newRow("bad key") << QStringLiteral("ets(=A)") << QStringLiteral("expected a parameter name at position 5");
    QTest::newRow("inner close") << QStringLiteral("ensemble(members=a)+b)") << QStringLiteral("unexpected text after ')' at position 20");
  }
  void badSyntaxNamesThePosition() {
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    const std::string message = parseError(spec.toStdString());
    QVERIFY2(contains(message, expected.toStdString()), message.c_str());
    QVERIFY2(contains(message, "model spec"), message.c_str());
  }
  void listErrorsPointIntoTheWholeText() {
    try {
      (void)ModelSpec::parseList("naive,,theta");
      QFAIL("accepted an empty list member");
    } catch (const InputError& e) {
      QVERIFY2(contains(e.what(), "position 7"), e.what());
    }
    try {
      (void)ModelSpec::parseList("naive,ets(error=A");
      QFAIL("accepted an unclosed member");
    } catch (const InputError& e) {
      QVERIFY2(contains(e.what(), "missing ')'"), e.what());
    }
  }
};

QTEST_GUILESS_MAIN(ModelSpecTest)
#include "ModelSpecTest.moc"
