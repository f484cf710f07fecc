// `foresight registry ...` end to end through the real binary: output,
// --json, exit codes (0 ok, 2 bad input, 4 conflict), registry location.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QtTest>
#include <memory>

#include "RegistryTestSupport.h"

using foresight::test::Backend;
using foresight::test::CliRun;
using foresight::test::TestRegistry;

class RegistryCliTest : public QObject {
  Q_OBJECT
 public:
  explicit RegistryCliTest(Backend b) : backend_(b) {}

 private:
  Backend backend_;
  std::unique_ptr<TestRegistry> t_;

  QString file(const char* name) const { return QString::fromStdString((t_->dir() / name).string()); }
  QString writeArtifact(const char* name, int variant) const {
    foresight::test::writeText(t_->dir() / name, foresight::test::artifactJson(variant));
    return file(name);
  }
  // `foresight registry <args> --registry URI`
  CliRun reg(QStringList args) const {
    args.insert(0, QStringLiteral("registry"));
    args << QStringLiteral("--registry") << t_->uriArg();
    return foresight::test::runCli(args);
  }
  static QJsonDocument json(const CliRun& r) {
    QJsonParseError e{};
    const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
      QTest::qFail(qPrintable(QStringLiteral("not JSON: ") + r.out + r.err), __FILE__, __LINE__);
    return d;
  }
  static QString describe(const CliRun& r) {
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
  }
  void push(int variant, const QStringList& extra = {}) const {
    const QString m = writeArtifact("push.json", variant);
    const CliRun r = reg(QStringList{QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"),
                                     QStringLiteral("--model"), m} + extra);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
  }

 private Q_SLOTS:
  void initTestCase() { FORESIGHT_REQUIRE_BACKEND(backend_); }
  void init() { t_ = std::make_unique<TestRegistry>(backend_); }
  void cleanup() { t_.reset(); }

  void initCreatesThenReportsCurrent() {
    CliRun r = reg({QStringLiteral("init")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("created")), qPrintable(describe(r)));
    r = reg({QStringLiteral("init"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)[QStringLiteral("outcome")].toString(), QStringLiteral("current"));
    QCOMPARE(json(r)[QStringLiteral("schema_version")].toInt(), 3);
  }

  void pushPrintsTheNewVersion() {
    const QString m = writeArtifact("m.json", 1);
    foresight::test::writeText(t_->dir() / "bt.json", "{\"folds\": 5, \"mase\": 0.82}");
    CliRun r = reg({QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--model"), m,
                    QStringLiteral("--tag"), QStringLiteral("stage=dev"), QStringLiteral("--tag"), QStringLiteral("owner=ana"), QStringLiteral("--alias"),
                    QStringLiteral("challenger"), QStringLiteral("--description"), QStringLiteral("Daily revenue"),
                    QStringLiteral("--backtest"), file("bt.json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QStringLiteral("1\n"));  // scripts capture it: v=$(foresight registry push ...)
    QVERIFY(r.err.contains(QStringLiteral("pushed demand/1")));
    r = reg({QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--model"), m,
             QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)[QStringLiteral("version")].toInt(), 2);
    QCOMPARE(json(r)[QStringLiteral("sha256")].toString().size(), 64);

    r = reg({QStringLiteral("show"), QStringLiteral("demand"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject show = json(r).object();
    QCOMPARE(show[QStringLiteral("description")].toString(), QStringLiteral("Daily revenue"));
    const QJsonObject v1 = show[QStringLiteral("versions")].toArray()[0].toObject();
    QCOMPARE(v1[QStringLiteral("tags")].toObject()[QStringLiteral("owner")].toString(), QStringLiteral("ana"));
    QCOMPARE(v1[QStringLiteral("tags")].toObject()[QStringLiteral("stage")].toString(), QStringLiteral("dev"));
    QCOMPARE(v1[QStringLiteral("backtest")].toObject()[QStringLiteral("mase")].toDouble(), 0.82);
    QCOMPARE(v1[QStringLiteral("aliases")].toArray()[0].toString(), QStringLiteral("challenger"));
    QVERIFY(v1[QStringLiteral("lineage")].toObject()[QStringLiteral("command_line")].toString().contains(
        QStringLiteral("registry push")));
    r = reg({QStringLiteral("show"), QStringLiteral("demand")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("version 2")), qPrintable(describe(r)));
  }

  void lineageTakesTheCiRunAndCommit() {
    QProcessEnvironment env = foresight::test::cliEnvironment();
    env.insert(QStringLiteral("GITHUB_RUN_ID"), QStringLiteral("4242"));
    env.insert(QStringLiteral("GITHUB_SHA"), QStringLiteral("c0ffee"));
    const QString m = writeArtifact("m.json", 1);
    CliRun r = foresight::test::runCli({QStringLiteral("registry"), QStringLiteral("push"), QStringLiteral("--name"),
                                        QStringLiteral("demand"), QStringLiteral("--model"), m,
                                        QStringLiteral("--registry"), t_->uriArg()},
                                       env);
    QCOMPARE(r.exitCode, 0);
    r = reg({QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("dem*"), QStringLiteral("--json")});
    const QJsonObject lineage = json(r).array()[0].toObject()[QStringLiteral("lineage")].toObject();
    QCOMPARE(lineage[QStringLiteral("ci_run_id")].toString(), QStringLiteral("4242"));
    QCOMPARE(lineage[QStringLiteral("git_commit")].toString(), QStringLiteral("c0ffee"));
  }

  void badInputExitsTwoNamingTheProblem() {
    const QString m = writeArtifact("m.json", 1);
    foresight::test::writeText(t_->dir() / "broken.json", "{\"schema\": \"foresight.model/1\",\n \"model\": }");
    struct Case {
      QStringList args;
      QString expect;
    };
    const std::vector<Case> cases = {
        {{QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("bad name"), QStringLiteral("--model"), m},
         QStringLiteral("model name")},
        {{QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--model"),
          file("missing.json")},
         QStringLiteral("missing.json")},
        {{QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--model"),
          file("broken.json")},
         QStringLiteral("broken.json:2")},
        {{QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--model"), m,
          QStringLiteral("--tag"), QStringLiteral("novalue")},
         QStringLiteral("KEY=VALUE")},
        {{QStringLiteral("push"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--model"), m,
          QStringLiteral("--backtest"), file("broken.json")},
         QStringLiteral("broken.json:2")},
        {{QStringLiteral("push"), QStringLiteral("--model"), m}, QStringLiteral("--name")},
        {{QStringLiteral("show"), QStringLiteral("nope")}, QStringLiteral("no model 'nope'")},
        {{QStringLiteral("pull"), QStringLiteral("demand/x"), QStringLiteral("--out"), file("o.json")},
         QStringLiteral("version")},
        {{QStringLiteral("promote"), QStringLiteral("demand"), QStringLiteral("1"), QStringLiteral("--expect"),
          QStringLiteral("latest")},
         QStringLiteral("--expect")},
        {{QStringLiteral("alias"), QStringLiteral("demand"), QStringLiteral("staging")}, QStringLiteral("VERSION")},
        {{QStringLiteral("list"), QStringLiteral("--bogus")}, QStringLiteral("--bogus")},
    };
    for (const Case& c : cases) {
      const CliRun r = reg(c.args);
      QVERIFY2(r.exitCode == 2 && r.err.contains(c.expect),
               qPrintable(c.args.join(QLatin1Char(' ')) + QStringLiteral("\n") + describe(r)));
    }
    const CliRun bad = foresight::test::runCli({QStringLiteral("registry"), QStringLiteral("list"),
                                                QStringLiteral("--registry"), QStringLiteral("sqlite://relative.db")});
    QCOMPARE(bad.exitCode, 2);
  }

  void promoteConflictExitsFourAndChangesNothing() {
    push(1);
    push(2);
    push(3);
    CliRun r = reg({QStringLiteral("promote"), QStringLiteral("demand"), QStringLiteral("1"), QStringLiteral("--expect"),
                    QStringLiteral("none"), QStringLiteral("--reason"), QStringLiteral("first")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    foresight::test::writeText(t_->dir() / "cmp.json", "{\"mase\": {\"champion\": 0.9, \"challenger\": 0.8}}");
    r = reg({QStringLiteral("promote"), QStringLiteral("demand"), QStringLiteral("2"), QStringLiteral("--expect"),
             QStringLiteral("1"), QStringLiteral("--comparison"), file("cmp.json"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)[QStringLiteral("previous")].toInt(), 1);
    const auto before = json(reg({QStringLiteral("history"), QStringLiteral("demand"), QStringLiteral("--json")})).array().size();
    r = reg({QStringLiteral("promote"), QStringLiteral("demand"), QStringLiteral("3"), QStringLiteral("--expect"),
             QStringLiteral("1")});
    QVERIFY2(r.exitCode == 4 && r.err.contains(QStringLiteral("conflict")) && r.err.contains(QStringLiteral("version 2")),
             qPrintable(describe(r)));
    const QJsonArray history = json(reg({QStringLiteral("history"), QStringLiteral("demand"), QStringLiteral("--json")})).array();
    QCOMPARE(history.size(), before);
    QCOMPARE(history.last()[QStringLiteral("comparison")][QStringLiteral("mase")][QStringLiteral("challenger")].toDouble(), 0.8);
    r = reg({QStringLiteral("rollback"), QStringLiteral("demand"), QStringLiteral("--reason"), QStringLiteral("bad"),
             QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)[QStringLiteral("champion")].toInt(), 1);
    r = reg({QStringLiteral("history"), QStringLiteral("demand")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("rollback")), qPrintable(describe(r)));
  }

  // `promote --override`: a KEEP in the comparison is refused without it
  // (exit 2), and without a reason; with both it is recorded as an override
  // with the failed rules, and `history` shows it.
  void promoteOverrideNeedsAReasonAndShowsInTheHistory() {
    push(1);
    push(2);
    CliRun r = reg({QStringLiteral("promote"), QStringLiteral("demand"), QStringLiteral("1"), QStringLiteral("--expect"),
                    QStringLiteral("none"), QStringLiteral("--reason"), QStringLiteral("first")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    // What `foresight compare --json` prints for a KEEP.
    foresight::test::writeText(t_->dir() / "keep.json",
                               R"({"decision": {"promote": false, "reasons": [], "checks": [)"
                               R"({"rule": "folds", "passed": true, "reason": "5 of 5 folds"},)"
                               R"({"rule": "diebold_mariano", "passed": false, "reason": "p = 0.31 > 0.05"}]}})");
    const QStringList promote{QStringLiteral("promote"), QStringLiteral("demand"), QStringLiteral("2"),
                              QStringLiteral("--expect"), QStringLiteral("1"), QStringLiteral("--comparison"),
                              file("keep.json")};
    r = reg(promote);
    QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("KEEP")) && r.err.contains(QStringLiteral("--override")),
             qPrintable(describe(r)));
    r = reg(promote + QStringList{QStringLiteral("--override")});
    QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("needs a reason")), qPrintable(describe(r)));
    r = reg(promote + QStringList{QStringLiteral("--override"), QStringLiteral("--reason"),
                                  QStringLiteral("seasonal peak ahead"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(json(r)[QStringLiteral("override")].toBool(), true);
    QCOMPARE(json(r)[QStringLiteral("champion")].toInt(), 2);
    const QJsonObject last = json(reg({QStringLiteral("history"), QStringLiteral("demand"), QStringLiteral("--json")}))
                                 .array()
                                 .last()
                                 .toObject();
    QCOMPARE(last[QStringLiteral("override")].toBool(), true);
    QCOMPARE(last[QStringLiteral("reason")].toString(), QStringLiteral("seasonal peak ahead"));
    QCOMPARE(last[QStringLiteral("failed_rules")].toArray().size(), 1);
    QCOMPARE(last[QStringLiteral("failed_rules")][0][QStringLiteral("rule")].toString(), QStringLiteral("diebold_mariano"));
    r = reg({QStringLiteral("history"), QStringLiteral("demand")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("OVERRIDE (failed: diebold_mariano): seasonal peak ahead")),
             qPrintable(describe(r)));
  }

  void aliasArchiveDeleteAndSearch() {
    push(1);
    push(2);
    CliRun r = reg({QStringLiteral("alias"), QStringLiteral("demand"), QStringLiteral("staging"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    r = reg({QStringLiteral("delete"), QStringLiteral("demand"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("staging")), qPrintable(describe(r)));
    r = reg({QStringLiteral("alias"), QStringLiteral("--remove"), QStringLiteral("demand"), QStringLiteral("staging")});
    QCOMPARE(r.exitCode, 0);
    r = reg({QStringLiteral("archive"), QStringLiteral("demand"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(json(r)[QStringLiteral("changed")].toBool());
    r = reg({QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("demand"), QStringLiteral("--json")});
    QCOMPARE(json(r).array().size(), 1);
    r = reg({QStringLiteral("search"), QStringLiteral("--include-archived"), QStringLiteral("--json")});
    QCOMPARE(json(r).array().size(), 2);
    r = reg({QStringLiteral("archive"), QStringLiteral("demand"), QStringLiteral("2"), QStringLiteral("--restore")});
    QCOMPARE(r.exitCode, 0);
    r = reg({QStringLiteral("delete"), QStringLiteral("demand"), QStringLiteral("2"), QStringLiteral("--reason"),
             QStringLiteral("trained on bad data")});
    QCOMPARE(r.exitCode, 0);
    r = reg({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(json(r).array()[0][QStringLiteral("latest_version")].toInt(), 1);
    r = reg({QStringLiteral("list")});
    QVERIFY2(r.out.contains(QStringLiteral("demand")), qPrintable(describe(r)));
  }

  void pullWritesTheExactBytesAndRefusesTamperedOnes() {
    push(1);
    push(2);
    CliRun r = reg({QStringLiteral("pull"), QStringLiteral("demand/2"), QStringLiteral("--out"), file("got.json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(foresight::test::readText(t_->dir() / "got.json"), foresight::test::artifactJson(2));
    r = reg({QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)[QStringLiteral("checked")].toInt(), 2);

    std::string bytes = foresight::test::artifactJson(2);
    bytes[10] = bytes[10] == 'x' ? 'y' : 'x';
    t_->execSql(QStringLiteral("UPDATE model_versions SET artifact = ? WHERE version = 2"), {QByteArray::fromStdString(bytes)});
    r = reg({QStringLiteral("pull"), QStringLiteral("demand/2"), QStringLiteral("--out"), file("bad.json")});
    QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("'demand' version 2")) &&
                 r.err.contains(QStringLiteral("does not match its SHA-256")),
             qPrintable(describe(r)));
    QVERIFY(!std::filesystem::exists(t_->dir() / "bad.json"));
    r = reg({QStringLiteral("verify")});
    QVERIFY2(r.exitCode == 2 && r.out.contains(QStringLiteral("MISMATCH demand/2")), qPrintable(describe(r)));
    r = reg({QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(json(r)[QStringLiteral("failures")].toInt(), 1);
  }

  void exportThenImportElsewhere() {
    push(1, {QStringLiteral("--alias"), QStringLiteral("staging")});
    push(2);
    CliRun r = reg({QStringLiteral("export"), QStringLiteral("demand"), QStringLiteral("--out"), file("bundle.json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    r = reg({QStringLiteral("import"), file("bundle.json")});
    QVERIFY2(r.exitCode == 4 && r.err.contains(QStringLiteral("--as")), qPrintable(describe(r)));
    r = reg({QStringLiteral("import"), file("bundle.json"), QStringLiteral("--as"), QStringLiteral("demand-copy"),
             QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)[QStringLiteral("versions")].toInt(), 2);
    r = reg({QStringLiteral("pull"), QStringLiteral("demand-copy@staging"), QStringLiteral("--out"), file("c.json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(foresight::test::readText(t_->dir() / "c.json"), foresight::test::artifactJson(1));
  }

  void theRegistryComesFromTheFlagTheEnvironmentOrTheDataFolder() {
    const QString m = writeArtifact("m.json", 1);
    const QStringList pushArgs{QStringLiteral("registry"), QStringLiteral("push"), QStringLiteral("--name"),
                               QStringLiteral("env-model"), QStringLiteral("--model"), m};
    QProcessEnvironment env = foresight::test::cliEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), file("xdg"));
    env.insert(QStringLiteral("FORESIGHT_REGISTRY"), t_->uriArg());
    CliRun r = foresight::test::runCli(pushArgs, env);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    r = reg({QStringLiteral("show"), QStringLiteral("env-model")});
    QCOMPARE(r.exitCode, 0);  // it went to $FORESIGHT_REGISTRY
    env.remove(QStringLiteral("FORESIGHT_REGISTRY"));
    r = foresight::test::runCli(pushArgs, env);
    QVERIFY2(r.exitCode == 0 && r.err.contains(QStringLiteral("created registry")), qPrintable(describe(r)));
    QVERIFY(std::filesystem::exists(t_->dir() / "xdg" / "foresight" / "registry.db"));
    QCOMPARE(r.out, QStringLiteral("1\n"));
  }
};

FORESIGHT_REGISTRY_TEST_MAIN(RegistryCliTest)
#include "RegistryCliTest.moc"
