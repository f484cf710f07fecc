// Real `foresight registry` processes racing on one registry: concurrent
// pushes, concurrent promotions, and pushes killed with SIGKILL.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest/QtTest>
#include <algorithm>
#include <map>
#include <memory>
#include <numeric>  // std::iota
#include <set>

#include "RegistryTestSupport.h"
#include "registry/ModelRegistry.h"

using foresight::test::Backend;
using foresight::test::TestRegistry;
using namespace foresight::registry;

namespace {

std::string sha256(const std::string& bytes) {
  return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256).toHex().toStdString();
}

QStringList pushArgs(const TestRegistry& t, const std::string& name, const std::filesystem::path& model,
                     const QString& tags) {
  return {QStringLiteral("registry"), QStringLiteral("push"), QStringLiteral("--name"), QString::fromStdString(name),
          QStringLiteral("--model"), QString::fromStdString(model.string()), QStringLiteral("--tag"), tags,
          QStringLiteral("--registry"), t.uriArg()};
}

}  // namespace

class RegistryConcurrencyTest : public QObject {
  Q_OBJECT
 public:
  explicit RegistryConcurrencyTest(Backend b) : backend_(b) {}

 private:
  Backend backend_;

 private Q_SLOTS:
  void initTestCase() { FORESIGHT_REQUIRE_BACKEND(backend_); }

  // 8 lanes, each running 25 `foresight registry push` processes one after
  // another, all into one registry that none of them has created yet.
  void concurrentPushesGetEveryNumberOnce() {
    constexpr int kLanes = 8, kPerLane = 25, kTotal = kLanes * kPerLane;
    TestRegistry t(backend_);
    for (int i = 0; i < kTotal; ++i)
      foresight::test::writeText(t.dir() / ("m" + std::to_string(i) + ".json"), foresight::test::artifactJson(i));
    std::vector<std::unique_ptr<QProcess>> lanes(kLanes);
    std::vector<int> next(kLanes, 0), printed;
    QStringList failures;
    auto start = [&](int lane) {
      const int i = lane * kPerLane + next[lane]++;
      lanes[lane] = std::make_unique<QProcess>();
      lanes[lane]->setProcessEnvironment(foresight::test::cliEnvironment());
      lanes[lane]->start(foresight::test::cliPath(),
                         pushArgs(t, "demand", t.dir() / ("m" + std::to_string(i) + ".json"),
                                  QStringLiteral("item=%1").arg(i)));
    };
    for (int lane = 0; lane < kLanes; ++lane) start(lane);
    int running = kLanes;
    while (running > 0) {
      for (int lane = 0; lane < kLanes; ++lane) {
        QProcess* p = lanes[lane].get();
        if (!p || !p->waitForFinished(5)) continue;
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
          failures << QString::fromUtf8(p->readAllStandardError());
        else
          printed.push_back(p->readAllStandardOutput().trimmed().toInt());
        lanes[lane].reset();
        if (next[lane] < kPerLane) start(lane);
        else --running;
      }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0)));

    std::sort(printed.begin(), printed.end());
    std::vector<int> expected(kTotal);
    std::iota(expected.begin(), expected.end(), 1);
    QVERIFY(printed == expected);  // each process got its own number, none skipped

    ModelRegistry reg(t.parsed());
    const ModelDetails d = reg.show("demand");
    QCOMPARE(d.versions.size(), std::size_t(kTotal));
    std::set<std::string> items;
    for (int i = 0; i < kTotal; ++i) {
      const VersionRecord& v = d.versions[static_cast<std::size_t>(i)];
      QCOMPARE(v.version, i + 1);
      const int item = std::stoi(v.tags.at("item"));
      QVERIFY(items.insert(v.tags.at("item")).second);  // no push stored twice
      QCOMPARE(v.sha256, sha256(foresight::test::artifactJson(item)));
    }
    const VerifyReport report = reg.verify();
    QCOMPARE(report.entries.size(), std::size_t(kTotal));
    QCOMPARE(report.failures(), 0);
    QCOMPARE(static_cast<int>(reg.history("demand").size()), kTotal);
  }

  // Two `promote` processes expecting the same champion: one wins, the other
  // exits 4 and changes nothing. Repeated, each round on its own model.
  void concurrentPromotionsExactlyOneWins() {
    TestRegistry t(backend_);
    ModelRegistry reg(t.parsed());
    for (int round = 0; round < 6; ++round) {
      const std::string name = "race-" + std::to_string(round);
      for (int v = 1; v <= 3; ++v) {
        PushRequest r;
        r.name = name;
        r.artifact = foresight::test::artifactJson(v);
        r.artifactLabel = "m.json";
        reg.push(r);
      }
      reg.promote({name, 1, std::nullopt, "", nullptr});
      const auto before = reg.history(name).size();
      QProcess a, b;
      for (QProcess* p : {&a, &b}) p->setProcessEnvironment(foresight::test::cliEnvironment());
      auto promote = [&](QProcess& p, int version) {
        p.start(foresight::test::cliPath(),
                {QStringLiteral("registry"), QStringLiteral("promote"), QString::fromStdString(name),
                 QString::number(version), QStringLiteral("--expect"), QStringLiteral("1"), QStringLiteral("--registry"),
                 t.uriArg()});
      };
      promote(a, 2);
      promote(b, 3);
      QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
      const int codeA = a.exitCode(), codeB = b.exitCode();
      const QString errA = QString::fromUtf8(a.readAllStandardError()), errB = QString::fromUtf8(b.readAllStandardError());
      QVERIFY2((codeA == 0 && codeB == 4) || (codeA == 4 && codeB == 0),
               qPrintable(QStringLiteral("exit codes %1 and %2: %3 %4").arg(codeA).arg(codeB).arg(errA, errB)));
      const QString& loserErr = codeA == 4 ? errA : errB;
      QVERIFY2(loserErr.contains(QStringLiteral("conflict")) && loserErr.contains(QStringLiteral("expected the champion")),
               qPrintable(loserErr));
      const int winner = codeA == 0 ? 2 : 3;
      QCOMPARE(reg.resolve(ModelReference::parse(name + "@champion")).version, winner);
      const auto history = reg.history(name);
      QCOMPARE(history.size(), before + 1);
      QCOMPARE(history.back().action, std::string("promote"));
      QCOMPARE(*history.back().fromVersion, 1);
      QCOMPARE(*history.back().toVersion, winner);
    }
  }

  // Pushes of a big artifact killed with SIGKILL (20 of them) after seeded
  // random delays spread over a whole push (connecting, creating the schema, writing,
  // committing): the registry stays readable and holds only whole versions.
  void killedPushesNeverLeaveHalfAVersion() {
    constexpr int kKills = 20, kMaxAttempts = 60;
    TestRegistry t(backend_);
    const std::string big = foresight::test::artifactJson(0, 250000);  // about 3 MB
    foresight::test::writeText(t.dir() / "big.json", big);
    qint64 fullMs = 0;
    // How long one push takes here, measured on a throwaway registry: it only
    // spreads the kills over a whole push (the sleep below orders the kill
    // after some part of the push; nothing asserts a duration). Whatever the
    // machine's speed, the assertions are on the registry's state.
    {
      TestRegistry scratch(backend_);
      QElapsedTimer clock;
      clock.start();
      const auto r = foresight::test::runCli(pushArgs(scratch, "demand", t.dir() / "big.json", QStringLiteral("k=v")));
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      fullMs = clock.elapsed();
    }
    QRandomGenerator rng(20261129);
    int finished = 0, killed = 0;
    std::set<int> finishedAttempts;
    // Until 20 pushes were really killed (some finish before their kill).
    for (int attempt = 0; killed < kKills && attempt < kMaxAttempts; ++attempt) {
      QProcess p;
      p.setProcessEnvironment(foresight::test::cliEnvironment());
      p.start(foresight::test::cliPath(),
              pushArgs(t, "demand", t.dir() / "big.json", QStringLiteral("attempt=%1").arg(attempt)));
      QVERIFY(p.waitForStarted(30000));
      QThread::msleep(static_cast<unsigned long>(rng.bounded(static_cast<int>(fullMs) + 1)));
      p.kill();  // SIGKILL
      QVERIFY(p.waitForFinished(30000));
      if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
        ++finished;
        finishedAttempts.insert(attempt);
      } else {
        ++killed;
      }
    }
    qInfo("%s: %d pushes killed, %d finished before the kill (one push takes %lld ms)",
          foresight::test::backendName(backend_), killed, finished, static_cast<long long>(fullMs));
    QVERIFY2(killed >= kKills, "fewer than 20 pushes were killed before they finished");

    ModelRegistry reg(t.parsed());
    std::vector<VersionRecord> versions;
    if (!reg.list().empty()) versions = reg.show("demand").versions;
    std::set<int> storedAttempts;
    for (std::size_t i = 0; i < versions.size(); ++i) {
      QCOMPARE(versions[i].version, static_cast<int>(i) + 1);  // no gap
      QCOMPARE(versions[i].sha256, sha256(big));
      QCOMPARE(versions[i].size, static_cast<long long>(big.size()));
      QVERIFY(versions[i].tags.count("attempt"));  // tags came in the same transaction
      storedAttempts.insert(std::stoi(versions[i].tags.at("attempt")));
    }
    for (int a : finishedAttempts) QVERIFY(storedAttempts.count(a));  // what was reported is there
    QCOMPARE(reg.verify().failures(), 0);
    if (!versions.empty()) QCOMPARE(reg.history("demand").size(), versions.size());  // one push event each
    // And the registry keeps working.
    const auto after = foresight::test::runCli(pushArgs(t, "demand", t.dir() / "big.json", QStringLiteral("attempt=last")));
    QVERIFY2(after.exitCode == 0, qPrintable(after.err));
    QCOMPARE(after.out.trimmed().toInt(), static_cast<int>(versions.size()) + 1);
    QCOMPARE(reg.verify().failures(), 0);
  }
};

FORESIGHT_REGISTRY_TEST_MAIN(RegistryConcurrencyTest)
#include "RegistryConcurrencyTest.moc"
