// The one rule for names and ids that become paths (model and pipeline names,
// aliases, tag keys, run ids): nothing that could leave its folder passes.
#include <QtTest/QtTest>

#include "engine/common/Errors.h"
#include "engine/common/SafeName.h"

using foresight::isSafeName;

class SafeNameTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void ordinaryNamesPass() {
    for (const char* name : {"revenue", "Revenue_2026", "local-20261207T154429Z", "gh-123.2", "a", "0x"})
      QVERIFY2(isSafeName(name), name);
    QVERIFY(isSafeName(std::string(128, 'a')));
  }

  void pathsAndTricksAreRefused_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("parent") << "..";
    QTest::newRow("traversal") << "../../etc";
    QTest::newRow("nested traversal") << "a/../../x";
    QTest::newRow("absolute") << "/etc/passwd";
    QTest::newRow("hidden") << ".ssh";
    QTest::newRow("backslash") << "a\\b";
    QTest::newRow("drive") << "C:x";
    QTest::newRow("space") << "a b";
    QTest::newRow("leading dash") << "-rf";
    QTest::newRow("leading underscore") << "_x";
    QTest::newRow("empty") << "";
    QTest::newRow("newline") << "a\nb";
    QTest::newRow("tilde") << "~root";
    QTest::newRow("non-ascii") << QString::fromUtf8("caf\xc3\xa9");
    QTest::newRow("too long") << QString(129, QLatin1Char('a'));
  }
  void pathsAndTricksAreRefused() {
    QFETCH(QString, name);
    QVERIFY2(!isSafeName(name.toStdString()), qPrintable(name));
  }

  void nulInsideIsRefused() { QVERIFY(!isSafeName(std::string("a\0b", 3))); }

  void errorNamesWhatFieldAndRule() {
    try {
      foresight::requireSafeName("run id", "../../x", "run id");
      QFAIL("no InputError");
    } catch (const foresight::InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("run id") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find("../../x") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(std::string(foresight::kSafeNameRule)) != std::string::npos, msg.c_str());
    }
  }
};

QTEST_APPLESS_MAIN(SafeNameTest)
#include "SafeNameTest.moc"
