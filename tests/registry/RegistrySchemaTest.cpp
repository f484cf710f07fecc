// Schema versions: a new registry, the upgrade of a version-1 registry (the
// committed fixture) through every later version, an upgrade that fails half way, a newer registry refused.
#include <QtTest/QtTest>
#include <atomic>
#include <memory>
#include <thread>

#include "RegistryTestSupport.h"
#include "engine/common/Errors.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryErrors.h"

using foresight::InputError;
using foresight::test::Backend;
using foresight::test::TestRegistry;
using namespace foresight::registry;

class RegistrySchemaTest : public QObject {
  Q_OBJECT
 public:
  explicit RegistrySchemaTest(Backend b) : backend_(b) {}

 private:
  Backend backend_;

  std::filesystem::path fixture() const {
    return std::filesystem::path(FORESIGHT_REGISTRY_FIXTURES) /
           (backend_ == Backend::Sqlite ? "registry-v1.sqlite.sql" : "registry-v1.postgresql.sql");
  }
  static int storedVersion(const TestRegistry& t) {
    return t.queryValue(QStringLiteral("SELECT version FROM schema_version")).toInt();
  }

 private Q_SLOTS:
  void initTestCase() { FORESIGHT_REQUIRE_BACKEND(backend_); }

  void createsANewRegistryAtTheCurrentVersion() {
    TestRegistry t(backend_);
    {
      ModelRegistry reg(t.parsed());
      QCOMPARE(int(reg.schema().outcome), int(RegistrySchema::Outcome::Created));
      QCOMPARE(reg.schema().fromVersion, 0);
      QCOMPARE(reg.schema().toVersion, RegistrySchema::kCurrentVersion);
    }
    QCOMPARE(storedVersion(t), RegistrySchema::kCurrentVersion);
    ModelRegistry again(t.parsed());
    QCOMPARE(int(again.schema().outcome), int(RegistrySchema::Outcome::Current));
  }

  void upgradesTheVersion1Fixture() {
    TestRegistry t(backend_);
    t.runScript(fixture());
    QCOMPARE(storedVersion(t), 1);
    ModelRegistry reg(t.parsed(), Lineage{"0.1.0", "tester", "ci", "", "", ""});
    QCOMPARE(int(reg.schema().outcome), int(RegistrySchema::Outcome::Upgraded));
    QCOMPARE(reg.schema().fromVersion, 1);
    QCOMPARE(storedVersion(t), RegistrySchema::kCurrentVersion);

    // Everything version 1 held is still there and reads the same.
    const auto models = reg.list();
    QCOMPARE(models.size(), std::size_t(1));
    QCOMPARE(models[0].name, std::string("demand-v1"));
    QCOMPARE(models[0].description, std::string("Daily revenue, registered by schema version 1"));
    QCOMPARE(models[0].tags.at("team"), std::string("sales"));
    QCOMPARE(models[0].latestVersion, 2);
    QCOMPARE(models[0].aliases.at("champion"), 1);
    QCOMPARE(models[0].aliases.at("challenger"), 2);
    const ModelDetails d = reg.show("demand-v1");
    QCOMPARE(d.versions.size(), std::size_t(2));
    QVERIFY(!d.versions[0].archived && !d.versions[1].archived);  // the new column's default
    QCOMPARE(d.versions[1].spec, std::string("ets(error=A,trend=N,season=A)"));
    QCOMPARE(d.versions[1].metrics["aic"].get<double>(), 2450.25);
    QCOMPARE(d.versions[1].tags.at("stage"), std::string("candidate"));
    QCOMPARE(d.versions[1].lineage.gitCommit, std::string("def456"));
    const auto history = reg.history("demand-v1");
    QCOMPARE(history.size(), std::size_t(4));
    QVERIFY(history[1].comparison.is_null());
    for (const auto& e : history) QVERIFY(!e.isOverride && e.failedRules.empty());  // version 3's defaults
    QCOMPARE(reg.verify().failures(), 0);
    const PulledArtifact champion = reg.pull(ModelReference::parse("demand-v1@champion"));
    QCOMPARE(champion.version.sha256, std::string("ea8df74f7e2cc6ff7fd66abefae6d646b3c0eb946fb0a83f4b15641dab302f5c"));

    // And version 2's features work on the upgraded data.
    PushRequest r;
    r.name = "demand-v1";
    r.artifact = foresight::test::artifactJson(5);
    r.artifactLabel = "m.json";
    QCOMPARE(reg.push(r).version, 3);  // the counter starts past the old versions
    QVERIFY(reg.setArchived("demand-v1", 3, true));
    reg.promote({"demand-v1", 2, 1, "upgrade test", {{"mase_delta", -0.05}}});
    QCOMPARE(reg.history("demand-v1").back().comparison["mase_delta"].get<double>(), -0.05);
    QCOMPARE(reg.rollback("demand-v1").to, 1);  // a version-1 promote event is history too
    PromoteRequest again{"demand-v1", 2, 1, "override on an upgraded registry",
                         {{"decision", {{"promote", false}, {"checks", {{{"rule", "metric"}, {"passed", false}}}}}}}};
    again.override = true;
    reg.promote(again);
    QVERIFY(reg.history("demand-v1").back().isOverride);
    QCOMPARE(reg.history("demand-v1").back().failedRules.front().rule, std::string("metric"));
  }

  void aFailedUpgradeLeavesTheOldRegistryAsItWas() {
    TestRegistry t(backend_);
    t.runScript(fixture());
    // A column in the way makes the migration fail after its first statement.
    t.execSql(QStringLiteral("ALTER TABLE events ADD COLUMN comparison TEXT"));
    QVERIFY_THROWS_EXCEPTION(RegistryError, ModelRegistry(t.parsed()));
    QCOMPARE(storedVersion(t), 1);
    QVERIFY_THROWS_EXCEPTION(RegistryError, t.execSql(QStringLiteral("SELECT archived FROM model_versions")));
    QVERIFY_THROWS_EXCEPTION(RegistryError, t.execSql(QStringLiteral("SELECT last_version FROM models")));
  }

  void refusesARegistryFromANewerForesight() {
    TestRegistry t(backend_);
    { ModelRegistry create(t.parsed()); }
    t.execSql(QStringLiteral("UPDATE schema_version SET version = 99"));
    try {
      ModelRegistry reg(t.parsed());
      QFAIL("a newer registry was opened");
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find(t.parsed().redacted()) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find("schema version 99") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find("up to " + std::to_string(RegistrySchema::kCurrentVersion)) != std::string::npos, msg.c_str());
    }
    QCOMPARE(storedVersion(t), 99);
  }

  void concurrentFirstOpensCreateTheSchemaOnce() {
    TestRegistry t(backend_);
    std::atomic<int> created{0}, current{0}, failed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i)
      threads.emplace_back([&] {
        try {
          ModelRegistry reg(t.parsed());  // each thread its own connection
          (reg.schema().outcome == RegistrySchema::Outcome::Created ? created : current)++;
        } catch (const std::exception& e) {
          qWarning("open failed: %s", e.what());
          failed++;
        }
      });
    for (auto& th : threads) th.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(created.load(), 1);
    QCOMPARE(current.load(), 5);
  }
};

FORESIGHT_REGISTRY_TEST_MAIN(RegistrySchemaTest)
#include "RegistrySchemaTest.moc"
