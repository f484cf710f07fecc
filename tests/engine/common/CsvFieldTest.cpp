// The one CSV text-field writer: RFC 4180 quoting and formula neutralisation
// (OWASP "CSV injection": a cell starting with = + - @ tab or CR).
#include <QtTest/QtTest>

#include "engine/common/CsvField.h"

using foresight::csvLooksLikeFormula;
using foresight::csvTextField;

class CsvFieldTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void plainTextIsWrittenAsIs() {
    QCOMPARE(csvTextField("Total"), std::string("Total"));
    QCOMPARE(csvTextField("Europe West 2"), std::string("Europe West 2"));
    QCOMPARE(csvTextField(""), std::string(""));
    // Leading characters that are not formula starts stay as they are.
    QCOMPARE(csvTextField("'quoted"), std::string("'quoted"));
    QCOMPARE(csvTextField("a=b"), std::string("a=b"));
  }

  void delimiterQuoteAndLineBreakAreQuoted() {
    QCOMPARE(csvTextField("a,b"), std::string("\"a,b\""));
    QCOMPARE(csvTextField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
    QCOMPARE(csvTextField("two\nlines"), std::string("\"two\nlines\""));
    QCOMPARE(csvTextField("cr\rhere"), std::string("\"cr\rhere\""));
  }

  void formulaStartsAreNeutralised_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    QTest::newRow("=") << "=cmd|' /C calc'!A0" << "\"'=cmd|' /C calc'!A0\"";
    QTest::newRow("+") << "+SUM(1+1)" << "\"'+SUM(1+1)\"";
    QTest::newRow("-") << "-2+3" << "\"'-2+3\"";
    QTest::newRow("@") << "@SUM(1)" << "\"'@SUM(1)\"";
    QTest::newRow("tab") << "\tx" << "\"'\tx\"";
    QTest::newRow("CR") << "\rx" << "\"'\rx\"";
    QTest::newRow("= with quote and comma") << "=HYPERLINK(\"http://x\",\"y\")"
                                            << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
  }
  void formulaStartsAreNeutralised() {
    QFETCH(QString, text);
    QFETCH(QString, written);
    QVERIFY(csvLooksLikeFormula(text.toStdString()));
    QCOMPARE(QString::fromStdString(csvTextField(text.toStdString())), written);
  }

  void onlyTheFirstCharacterCounts() {
    for (const char* t : {"a=1", " =1", "x+y", "1-2", "mail@host"}) QVERIFY2(!csvLooksLikeFormula(t), t);
  }
};

QTEST_GUILESS_MAIN(CsvFieldTest)
#include "CsvFieldTest.moc"
