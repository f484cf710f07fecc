// Every registry operation and its errors, on SQLite and on PostgreSQL.
#include <QtTest/QtTest>
#include <memory>

#include "RegistryTestSupport.h"
#include "engine/common/Errors.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryErrors.h"

using foresight::InputError;
using foresight::test::Backend;
using foresight::test::TestRegistry;
using namespace foresight::registry;

namespace {

Lineage tester() {
  return {"0.1.0", "tester", "ci-host", "foresight registry push --name demand", "run-77", "0badc0de"};
}

PushRequest pushOf(const std::string& name, int variant) {
  PushRequest r;
  r.name = name;
  r.artifact = foresight::test::artifactJson(variant);
  r.artifactLabel = "model-" + std::to_string(variant) + ".json";
  return r;
}

// The message of the exception of type E that `f` throws; fails the test if none.
template <class E, class F>
std::string errorOf(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  QTest::qFail("expected exception not thrown", __FILE__, __LINE__);
  return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class RegistryOperationsTest : public QObject {
  Q_OBJECT
 public:
  explicit RegistryOperationsTest(Backend b) : backend_(b) {}

 private:
  Backend backend_;
  std::unique_ptr<TestRegistry> location_;
  std::unique_ptr<ModelRegistry> reg_;

  ModelRegistry& reg() { return *reg_; }
  std::unique_ptr<ModelRegistry> another() { return std::make_unique<ModelRegistry>(location_->parsed(), tester()); }
  int push(const std::string& name, int variant) { return reg().push(pushOf(name, variant)).version; }

 private Q_SLOTS:
  void initTestCase() { FORESIGHT_REQUIRE_BACKEND(backend_); }
  void init() {
    location_ = std::make_unique<TestRegistry>(backend_);
    reg_ = std::make_unique<ModelRegistry>(location_->parsed(), tester());
  }
  void cleanup() {
    reg_.reset();
    location_.reset();
  }

  void createsTheSchemaOnFirstOpen() {
    QCOMPARE(int(reg().schema().outcome), int(RegistrySchema::Outcome::Created));
    QCOMPARE(int(another()->schema().outcome), int(RegistrySchema::Outcome::Current));
    QVERIFY(reg().list().empty());
  }

  void pushNumbersVersionsAndKeepsExactBytes() {
    PushRequest r = pushOf("demand", 1);
    r.artifact = "\xef\xbb\xbf" + r.artifact + "\n\n";  // a BOM and trailing blank lines stay as they are
    r.description = "Daily revenue";
    r.tags = {{"stage", "dev"}};
    r.modelTags = {{"team", "sales"}};
    r.aliases = {"challenger"};
    const PushResult first = reg().push(r);
    QCOMPARE(first.version, 1);
    QVERIFY(first.createdModel);
    QCOMPARE(push("demand", 2), 2);
    QCOMPARE(push("demand", 3), 3);
    QCOMPARE(push("other", 1), 1);
    const PulledArtifact p = reg().pull(ModelReference::atVersion("demand", 1));
    QCOMPARE(p.bytes, r.artifact);
    QCOMPARE(p.version.sha256, first.sha256);
    QCOMPARE(p.version.size, static_cast<long long>(r.artifact.size()));
    const auto models = reg().list();
    QCOMPARE(models.size(), std::size_t(2));
    QCOMPARE(models[0].name, std::string("demand"));
    QCOMPARE(models[0].latestVersion, 3);
    QCOMPARE(models[0].versionCount, 3);
    QCOMPARE(models[0].description, std::string("Daily revenue"));
    QCOMPARE(models[0].tags.at("team"), std::string("sales"));
    QCOMPARE(models[0].aliases.at("challenger"), 1);
  }

  void pushIndexesTheArtifactAndRecordsLineage() {
    PushRequest r = pushOf("demand", 4);
    r.backtest = {{"folds", 5}, {"mase", 0.81}};
    r.tags = {{"data", "aw-2017"}, {"owner", "ana"}};
    reg().push(r);
    const VersionRecord v = reg().resolve(ModelReference::parse("demand/1"));
    QCOMPARE(v.modelType, std::string("ets"));
    QCOMPARE(v.spec, std::string("ets(error=A)"));
    QCOMPARE(v.trainStart, std::string("2015-01-01"));
    QCOMPARE(v.trainEnd, std::string("2016-12-31"));
    QCOMPARE(v.frequency, std::string("D"));
    QCOMPARE(v.dataSha256, std::string(63, 'a') + "4");
    QCOMPARE(v.metrics["aic"].get<double>(), 1004.5);
    QCOMPARE(v.params["alpha"].get<double>(), 0.14);
    QCOMPARE(v.backtest["mase"].get<double>(), 0.81);
    QCOMPARE(v.tags.at("owner"), std::string("ana"));
    QCOMPARE(v.lineage.user, std::string("tester"));
    QCOMPARE(v.lineage.host, std::string("ci-host"));
    QCOMPARE(v.lineage.ciRunId, std::string("run-77"));
    QCOMPARE(v.lineage.gitCommit, std::string("0badc0de"));
    QCOMPARE(v.lineage.toolVersion, std::string("0.1.0"));
    QVERIFY(!v.createdAt.empty());
    QVERIFY(!v.archived);
    // A panel gets the panel index.
    PushRequest p;
    p.name = "territories";
    p.artifact = foresight::test::panelArtifactJson({"north", "south"});
    p.artifactLabel = "panel.json";
    reg().push(p);
    const VersionRecord pv = reg().resolve(ModelReference::parse("territories"));
    QCOMPARE(pv.modelType, std::string("panel"));
    QCOMPARE(pv.seriesCount, 2);
    QVERIFY(pv.metrics.contains("south"));
  }

  void lineageComesFromTheEnvironment() {
    qputenv("GITHUB_RUN_ID", "998877");
    qputenv("GITHUB_SHA", "feedbeef");
    const Lineage l = Lineage::fromEnvironment();
    qunsetenv("GITHUB_RUN_ID");
    qunsetenv("GITHUB_SHA");
    QCOMPARE(l.ciRunId, std::string("998877"));
    QCOMPARE(l.gitCommit, std::string("feedbeef"));
    QVERIFY(!l.user.empty());
    QVERIFY(!l.host.empty());
    QVERIFY(contains(l.commandLine, "test_registry_operations"));
  }

  void pushRefusesBadInputAndWritesNothing() {
    PushRequest r = pushOf("bad name", 1);
    QVERIFY(contains(errorOf<InputError>([&] { reg().push(r); }), "model name"));
    r = pushOf("demand", 1);
    r.tags = {{"bad key", "v"}};
    QVERIFY(contains(errorOf<InputError>([&] { reg().push(r); }), "tag key"));
    r = pushOf("demand", 1);
    r.aliases = {"champion"};
    QVERIFY(contains(errorOf<InputError>([&] { reg().push(r); }), "promote"));
    r = pushOf("demand", 1);
    r.artifact = "{\"schema\":\"foresight.model/1\",\"model\":\"ets\"}";
    const std::string msg = errorOf<InputError>([&] { reg().push(r); });
    QVERIFY2(contains(msg, "model-1.json") && contains(msg, "fit"), msg.c_str());
    QVERIFY(reg().list().empty());
    QCOMPARE(location_->queryValue(QStringLiteral("SELECT COUNT(*) FROM events")).toInt(), 0);
  }

  void pullResolvesVersionsAliasesAndLatest() {
    push("demand", 1);
    push("demand", 2);
    push("demand", 3);
    reg().setAlias("demand", "staging", 2);
    QCOMPARE(reg().pull(ModelReference::parse("demand@staging")).bytes, foresight::test::artifactJson(2));
    QCOMPARE(reg().pull(ModelReference::parse("demand/1")).bytes, foresight::test::artifactJson(1));
    QCOMPARE(reg().pull(ModelReference::parse("demand")).version.version, 3);
    reg().setArchived("demand", 3, true);
    QCOMPARE(reg().pull(ModelReference::parse("demand")).version.version, 2);
    QCOMPARE(reg().pull(ModelReference::parse("demand/3")).version.version, 3);  // still pullable
  }

  void unknownNamesAreInputErrors() {
    push("demand", 1);
    QVERIFY(contains(errorOf<InputError>([&] { reg().pull(ModelReference::parse("nope/1")); }), "has no model 'nope'"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().pull(ModelReference::parse("demand/9")); }), "has no version 9"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().pull(ModelReference::parse("demand@prod")); }),
                     "has no alias 'prod'"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().show("nope"); }), "nope"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().history("nope"); }), "nope"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().setAlias("demand", "prod", 4); }), "has no version 4"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().removeAlias("demand", "prod"); }), "has no alias 'prod'"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().setAlias("demand", "bad alias", 1); }), "alias"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().deleteVersion("demand", 2); }), "has no version 2"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().verify(std::string("nope")); }), "nope"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().exportModel("nope"); }), "nope"));
  }

  void aliasesMoveAndEveryChangeIsHistory() {
    push("demand", 1);
    push("demand", 2);
    reg().setAlias("demand", "challenger", 1, "first try");
    reg().setAlias("demand", "challenger", 2, "better");
    reg().setAlias("demand", "challenger", 2, "no change");  // already there: not an event
    reg().removeAlias("demand", "challenger", "dropped");
    const auto h = reg().history("demand");
    QCOMPARE(h.size(), std::size_t(5));
    QCOMPARE(h[2].action, std::string("alias-set"));
    QCOMPARE(h[2].alias, std::string("challenger"));
    QVERIFY(!h[2].fromVersion);
    QCOMPARE(*h[2].toVersion, 1);
    QCOMPARE(h[2].reason, std::string("first try"));
    QCOMPARE(*h[3].fromVersion, 1);
    QCOMPARE(*h[3].toVersion, 2);
    QCOMPARE(h[4].action, std::string("alias-remove"));
    QCOMPARE(*h[4].fromVersion, 2);
    QVERIFY(!h[4].toVersion);
    QCOMPARE(h[4].actor, std::string("tester@ci-host"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().setAlias("demand", "champion", 1); }), "promote"));
  }

  void promoteIsCompareAndSet() {
    push("demand", 1);
    push("demand", 2);
    push("demand", 3);
    PromoteRequest r{"demand", 1, std::nullopt, "first champion", nullptr};
    QVERIFY(!reg().promote(r).previous);
    const std::string conflict = errorOf<RegistryConflictError>([&] { reg().promote({"demand", 2, std::nullopt, "", nullptr}); });
    QVERIFY2(contains(conflict, "expected the champion to be none") && contains(conflict, "it is version 1"),
             conflict.c_str());
    const auto before = reg().history("demand").size();
    const std::string stale = errorOf<RegistryConflictError>([&] { reg().promote({"demand", 3, 2, "", nullptr}); });
    QVERIFY2(contains(stale, "version 2") && contains(stale, "demand"), stale.c_str());
    QCOMPARE(reg().history("demand").size(), before);  // a refused promotion changes nothing
    QCOMPARE(reg().resolve(ModelReference::parse("demand@champion")).version, 1);
    const nlohmann::json comparison = {{"champion_mase", 0.9}, {"challenger_mase", 0.8}, {"dm_p_value", 0.01}};
    const PromoteResult ok = reg().promote({"demand", 3, 1, "beats v1 on 5 folds", comparison});
    QCOMPARE(*ok.previous, 1);
    QCOMPARE(ok.champion, 3);
    const HistoryEvent last = reg().history("demand").back();
    QCOMPARE(last.action, std::string("promote"));
    QCOMPARE(*last.fromVersion, 1);
    QCOMPARE(*last.toVersion, 3);
    QCOMPARE(last.reason, std::string("beats v1 on 5 folds"));
    QCOMPARE(last.comparison, comparison);
    QVERIFY(contains(errorOf<InputError>([&] { reg().promote({"demand", 3, 3, "", nullptr}); }), "already is the champion"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().promote({"demand", 7, 3, "", nullptr}); }), "has no version 7"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().removeAlias("demand", "champion"); }), "rollback"));
  }

  // A promotion against the policy's KEEP is an override: refused without
  // one, refused without a reason, recorded with the rules that failed; it
  // survives export and import and rollback treats it as a promotion.
  void overridingThePolicyNeedsAReasonAndIsRecorded() {
    push("demand", 1);
    push("demand", 2);
    reg().promote({"demand", 1, std::nullopt, "first", nullptr});
    const nlohmann::json keep = {
        {"decision",
         {{"promote", false},
          {"checks",
           {{{"rule", "folds"}, {"passed", true}, {"reason", "5 folds"}},
            {{"rule", "metric"}, {"passed", false}, {"reason", "MASE 0.91 is not 2% below 0.90"}},
            {{"rule", "diebold_mariano"}, {"passed", false}, {"reason", "p = 0.41 > 0.05"}}}}}}};
    const auto before = reg().history("demand").size();
    const std::string notOverride = errorOf<InputError>([&] { reg().promote({"demand", 2, 1, "why not", keep}); });
    QVERIFY2(contains(notOverride, "KEEP") && contains(notOverride, "metric, diebold_mariano") &&
                 contains(notOverride, "--override"),
             notOverride.c_str());
    PromoteRequest r{"demand", 2, 1, "  ", keep};
    r.override = true;
    const std::string noReason = errorOf<InputError>([&] { reg().promote(r); });
    QVERIFY2(contains(noReason, "needs a reason") && contains(noReason, "version 2"), noReason.c_str());
    QCOMPARE(reg().history("demand").size(), before);  // refusals change nothing
    QCOMPARE(reg().resolve(ModelReference::parse("demand@champion")).version, 1);

    r.reason = "the holiday season needs the seasonal model";
    QCOMPARE(reg().promote(r).champion, 2);
    const HistoryEvent e = reg().history("demand").back();
    QCOMPARE(e.action, std::string("promote"));
    QVERIFY(e.isOverride);
    QCOMPARE(e.reason, r.reason);
    QCOMPARE(e.failedRules.size(), std::size_t(2));
    QCOMPARE(e.failedRules[0].rule, std::string("metric"));
    QCOMPARE(e.failedRules[1].reason, std::string("p = 0.41 > 0.05"));
    QVERIFY(!reg().history("demand")[before - 1].isOverride);  // the first promotion was none

    // Overriding a PROMOTE is refused: there is nothing to override.
    push("demand", 3);
    PromoteRequest agreed{"demand", 3, 2, "x", {{"decision", {{"promote", true}, {"checks", nlohmann::json::array()}}}}};
    agreed.override = true;
    QVERIFY(contains(errorOf<InputError>([&] { reg().promote(agreed); }), "nothing to override"));

    // The override travels through export/import and rollback still walks back.
    // (The last events: the override, then the push of version 3.)
    const nlohmann::json bundle = reg().exportModel("demand");
    const nlohmann::json& exported = bundle["history"][bundle["history"].size() - 2];
    QCOMPARE(exported["override"].get<bool>(), true);
    QCOMPARE(exported["failed_rules"].size(), std::size_t(2));
    reg().importModel(bundle.dump(), "bundle.json", "demand-copy");
    const auto copied = reg().history("demand-copy");  // ..., override, push, import
    QVERIFY(copied[copied.size() - 3].isOverride);
    QCOMPARE(copied[copied.size() - 3].failedRules, e.failedRules);
    QVERIFY(!copied[copied.size() - 2].isOverride);
    QCOMPARE(reg().rollback("demand", "override reverted").to, 1);
  }

  void lastChangeGrowsWithEveryChange() {
    const long long empty = reg().lastChange();
    QCOMPARE(empty, 0LL);
    push("demand", 1);
    const long long pushed = reg().lastChange();
    QVERIFY(pushed > empty);
    // Another connection (another process) sees the change too.
    another()->setAlias("demand", "staging", 1);
    QVERIFY(reg().lastChange() > pushed);
  }

  void rollbackWalksBackThroughTheHistory() {
    for (int v = 1; v <= 3; ++v) push("demand", v);
    QVERIFY(contains(errorOf<InputError>([&] { reg().rollback("demand"); }), "no champion"));
    reg().promote({"demand", 1, std::nullopt, "", nullptr});
    QVERIFY(contains(errorOf<InputError>([&] { reg().rollback("demand"); }), "no earlier champion"));
    reg().promote({"demand", 2, 1, "", nullptr});
    reg().promote({"demand", 3, 2, "", nullptr});
    RollbackResult r = reg().rollback("demand", "v3 misbehaves");
    QCOMPARE(r.from, 3);
    QCOMPARE(r.to, 2);
    r = reg().rollback("demand");
    QCOMPARE(r.from, 2);
    QCOMPARE(r.to, 1);
    QVERIFY(contains(errorOf<InputError>([&] { reg().rollback("demand"); }), "no earlier champion"));
    QCOMPARE(reg().resolve(ModelReference::parse("demand@champion")).version, 1);
    const auto h = reg().history("demand");
    QCOMPARE(h[h.size() - 2].action, std::string("rollback"));
    QCOMPARE(h[h.size() - 2].reason, std::string("v3 misbehaves"));
    // Promoting again after rollbacks stacks on top of what is champion now.
    reg().promote({"demand", 3, 1, "", nullptr});
    QCOMPARE(reg().rollback("demand").to, 1);
  }

  void rollbackRefusesAnArchivedOrDeletedPreviousChampion() {
    for (int v = 1; v <= 2; ++v) push("demand", v);
    reg().promote({"demand", 1, std::nullopt, "", nullptr});
    reg().promote({"demand", 2, 1, "", nullptr});
    reg().setArchived("demand", 1, true);
    QVERIFY(contains(errorOf<InputError>([&] { reg().rollback("demand"); }), "archived"));
    reg().setArchived("demand", 1, false);
    reg().deleteVersion("demand", 1);
    QVERIFY(contains(errorOf<InputError>([&] { reg().rollback("demand"); }), "deleted"));
    QCOMPARE(reg().resolve(ModelReference::parse("demand@champion")).version, 2);
  }

  void archiveHidesAVersionButKeepsIt() {
    for (int v = 1; v <= 3; ++v) push("demand", v);
    reg().setAlias("demand", "staging", 3);
    QVERIFY(contains(errorOf<InputError>([&] { reg().setArchived("demand", 3, true); }), "staging"));
    QVERIFY(reg().setArchived("demand", 2, true, "superseded"));
    QVERIFY(!reg().setArchived("demand", 2, true));  // already archived: no event
    QVERIFY(contains(errorOf<InputError>([&] { reg().setAlias("demand", "x", 2); }), "archived"));
    QVERIFY(contains(errorOf<InputError>([&] { reg().promote({"demand", 2, std::nullopt, "", nullptr}); }), "archived"));
    QCOMPARE(reg().search({"demand", "", "", false}).size(), std::size_t(2));
    QCOMPARE(reg().search({"demand", "", "", true}).size(), std::size_t(3));
    QVERIFY(reg().show("demand").versions[1].archived);
    QVERIFY(reg().setArchived("demand", 2, false));
    const auto h = reg().history("demand");
    QCOMPARE(h[h.size() - 2].action, std::string("archive"));
    QCOMPARE(h.back().action, std::string("restore"));
  }

  void deleteRefusesAliasedVersionsAndNeverReusesNumbers() {
    for (int v = 1; v <= 3; ++v) push("demand", v);
    reg().promote({"demand", 3, std::nullopt, "", nullptr});
    const std::string msg = errorOf<InputError>([&] { reg().deleteVersion("demand", 3); });
    QVERIFY2(contains(msg, "champion") && contains(msg, "version 3"), msg.c_str());
    reg().deleteVersion("demand", 2, "bad data");
    QCOMPARE(reg().show("demand").versions.size(), std::size_t(2));
    QVERIFY(contains(errorOf<InputError>([&] { reg().pull(ModelReference::parse("demand/2")); }), "deleted"));
    QCOMPARE(push("demand", 4), 4);  // 2 is never given out again
    QCOMPARE(location_->queryValue(QStringLiteral("SELECT COUNT(*) FROM version_tags WHERE version_id NOT IN "
                                                  "(SELECT id FROM model_versions)")).toInt(), 0);
    QCOMPARE(reg().history("demand").back().action, std::string("push"));
  }

  void historyIsAppendOnly() {
    push("demand", 1);
    QVERIFY(contains(errorOf<RegistryError>([&] { location_->execSql(QStringLiteral("UPDATE events SET reason = 'x'")); }),
                     "append-only"));
    QVERIFY(contains(errorOf<RegistryError>([&] { location_->execSql(QStringLiteral("DELETE FROM events")); }),
                     "append-only"));
    QCOMPARE(reg().history("demand").size(), std::size_t(1));
  }

  void searchesByNamePatternTagAndAlias() {
    PushRequest a = pushOf("sales_eu", 1);
    a.tags = {{"region", "eu"}};
    reg().push(a);
    PushRequest b = pushOf("salesXus", 2);
    b.modelTags = {{"region", "us"}};
    reg().push(b);
    push("returns", 3);
    reg().promote({"returns", 1, std::nullopt, "", nullptr});
    auto names = [](const std::vector<VersionRecord>& vs) {
      std::string s;
      for (const auto& v : vs) s += v.model + "/" + std::to_string(v.version) + " ";
      return s;
    };
    QCOMPARE(names(reg().search({"sales*", "", "", false})), std::string("salesXus/1 sales_eu/1 "));
    QCOMPARE(names(reg().search({"SALES_*", "", "", false})), std::string("sales_eu/1 "));  // '_' is literal
    QCOMPARE(names(reg().search({"?eturns", "", "", false})), std::string("returns/1 "));
    QCOMPARE(names(reg().search({"", "region", "", false})), std::string("salesXus/1 sales_eu/1 "));
    QCOMPARE(names(reg().search({"", "region=us", "", false})), std::string("salesXus/1 "));
    QCOMPARE(names(reg().search({"", "", "champion", false})), std::string("returns/1 "));
    QCOMPARE(names(reg().search({"sales*", "", "champion", false})), std::string());
    QCOMPARE(reg().search({"sales*", "", "", false})[0].aliases.size(), std::size_t(0));
  }

  void textWithQuotesAndSqlIsStoredVerbatim() {
    const std::string nasty = "it's \"quoted\" \\ back'; DROP TABLE models; -- ? $1 :name";
    PushRequest r = pushOf("demand", 1);
    r.description = nasty;
    r.tags = {{"note", nasty}};
    reg().push(r);
    reg().setAlias("demand", "x", 1, nasty);
    QCOMPARE(reg().list().front().description, nasty);
    QCOMPARE(reg().resolve(ModelReference::parse("demand/1")).tags.at("note"), nasty);
    QCOMPARE(reg().history("demand").back().reason, nasty);
  }

  void tamperedArtifactsAreCaughtByPullVerifyAndExport() {
    push("demand", 1);
    push("demand", 2);
    QCOMPARE(reg().verify().failures(), 0);
    std::string bytes = foresight::test::artifactJson(2);
    bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == '1' ? '2' : '1';  // one byte, still valid JSON or not: no matter
    location_->execSql(QStringLiteral("UPDATE model_versions SET artifact = ? WHERE version = 2"),
                       {QByteArray::fromStdString(bytes)});
    const VersionRecord v2 = reg().resolve(ModelReference::parse("demand/2"));
    try {
      reg().pull(ModelReference::parse("demand/2"));
      QFAIL("pull accepted a tampered artifact");
    } catch (const RegistryIntegrityError& e) {
      const std::string msg = e.what();
      QVERIFY2(contains(msg, "'demand' version 2") && contains(msg, v2.sha256) && contains(msg, e.computedSha256()),
               msg.c_str());
      QVERIFY(e.computedSha256() != v2.sha256);
    }
    QCOMPARE(reg().pull(ModelReference::parse("demand/1")).bytes, foresight::test::artifactJson(1));
    const VerifyReport report = reg().verify();
    QCOMPARE(report.entries.size(), std::size_t(2));
    QCOMPARE(report.failures(), 1);
    QVERIFY(report.entries[0].ok());
    QVERIFY(!report.entries[1].ok());
    QCOMPARE(report.entries[1].storedSha256, v2.sha256);
    QVERIFY_THROWS_EXCEPTION(RegistryIntegrityError, reg().exportModel("demand"));
  }

  void exportAndImportRoundTrip() {
    PushRequest r = pushOf("demand", 1);
    r.modelTags = {{"team", "sales"}};
    r.tags = {{"stage", "prod"}};
    r.backtest = {{"mase", 0.7}};
    reg().push(r);
    push("demand", 2);
    push("demand", 3);
    reg().deleteVersion("demand", 3);
    reg().promote({"demand", 1, std::nullopt, "", nullptr});
    reg().promote({"demand", 2, 1, "better", {{"delta", -0.1}}});
    reg().setAlias("demand", "previous", 1);
    const nlohmann::json bundle = reg().exportModel("demand");
    QCOMPARE(bundle["schema"].get<std::string>(), std::string("foresight.registry-bundle/1"));

    TestRegistry other(backend_);
    ModelRegistry target(other.parsed(), tester());
    const ImportResult res = target.importModel(bundle.dump(), "bundle.json");
    QCOMPARE(res.versions, 2);
    QCOMPARE(res.aliases, 2);
    const auto original = reg().history("demand");
    const auto imported = target.history("demand");
    QCOMPARE(imported.size(), original.size() + 1);
    for (std::size_t i = 0; i < original.size(); ++i) {
      QCOMPARE(imported[i].action, original[i].action);
      QCOMPARE(imported[i].at, original[i].at);
      QCOMPARE(imported[i].comparison, original[i].comparison);
    }
    QCOMPARE(imported.back().action, std::string("import"));
    QCOMPARE(target.pull(ModelReference::parse("demand@champion")).bytes, foresight::test::artifactJson(2));
    const VersionRecord v1 = target.resolve(ModelReference::parse("demand/1"));
    QCOMPARE(v1.tags.at("stage"), std::string("prod"));
    QCOMPARE(v1.backtest["mase"].get<double>(), 0.7);
    QCOMPARE(v1.lineage.ciRunId, std::string("run-77"));
    QCOMPARE(target.list().front().tags.at("team"), std::string("sales"));
    QCOMPARE(target.rollback("demand").to, 1);              // the history works there too
    QCOMPARE(target.push(pushOf("demand", 9)).version, 4);  // deleted 3 stays used
    QCOMPARE(target.verify().failures(), 0);
  }

  void importRefusesConflictsAndBrokenBundles() {
    push("demand", 1);
    const std::string bundle = reg().exportModel("demand").dump();
    const auto before = reg().history("demand").size();
    const std::string conflict = errorOf<RegistryConflictError>([&] { reg().importModel(bundle, "b.json"); });
    QVERIFY2(contains(conflict, "already has a model 'demand'") && contains(conflict, "--as"), conflict.c_str());
    QCOMPARE(reg().history("demand").size(), before);
    QCOMPARE(reg().importModel(bundle, "b.json", "demand-copy").model, std::string("demand-copy"));

    auto broken = [&](const std::function<void(nlohmann::json&)>& edit) {
      nlohmann::json j = nlohmann::json::parse(bundle);
      edit(j);
      return errorOf<InputError>([&] { reg().importModel(j.dump(), "b.json", "fresh"); });
    };
    std::string msg = broken([](auto& j) { j["versions"][0]["artifact"] = j["versions"][0]["artifact"].template get<std::string>() + " "; });
    QVERIFY2(contains(msg, "b.json") && contains(msg, "versions[0].sha256"), msg.c_str());
    msg = broken([](auto& j) { j["aliases"] = {{{"alias", "x"}, {"version", 5}}}; });
    QVERIFY2(contains(msg, "aliases[0].version"), msg.c_str());
    msg = broken([](auto& j) { j["versions"].push_back(j["versions"][0]); });
    QVERIFY2(contains(msg, "versions[1].version"), msg.c_str());
    msg = broken([](auto& j) { j["schema"] = "something/2"; });
    QVERIFY2(contains(msg, "schema"), msg.c_str());
    msg = broken([](auto& j) { j["history"][0]["at"] = 5; });
    QVERIFY2(contains(msg, "history[0].at"), msg.c_str());
    msg = errorOf<InputError>([&] { reg().importModel("{not json", "b.json", "fresh"); });
    QVERIFY2(contains(msg, "b.json") && contains(msg, "not valid JSON"), msg.c_str());
    QVERIFY(contains(errorOf<InputError>([&] { reg().importModel(bundle, "b.json", "bad name"); }), "model name"));
    QCOMPARE(reg().list().size(), std::size_t(2));  // nothing of the refused imports was written
  }

  // A forged history (the adversarial probe's bundle edits) is refused naming
  // the first bad field, and nothing is written; a real export still imports.
  void importChecksEveryHistoryField() {
    push("demand", 1);
    push("demand", 2);
    push("demand", 3);
    reg().promote({"demand", 1, std::nullopt, "first", nullptr});
    reg().setAlias("demand", "staging", 2);
    reg().promote({"demand", 3, 1, "better", nullptr});
    reg().setArchived("demand", 1, true);
    const std::string bundle = reg().exportModel("demand").dump();
    QCOMPARE(reg().importModel(bundle, "b.json", "demand-copy").model, std::string("demand-copy"));
    const auto modelsBefore = reg().list().size();

    auto refused = [&](const std::function<void(nlohmann::json&)>& edit) {
      nlohmann::json j = nlohmann::json::parse(bundle);
      edit(j);
      return errorOf<InputError>([&] { reg().importModel(j.dump(), "b.json", "fresh"); });
    };
    auto event = [](nlohmann::json& j, const std::string& action) -> nlohmann::json& {
      for (auto& e : j["history"])
        if (e["action"] == action) return e;
      throw std::logic_error("no " + action + " event");
    };
    const auto expect = [](const std::string& msg, std::initializer_list<const char*> parts) {
      for (const char* p : parts) QVERIFY2(contains(msg, p), (msg + "  [wanted: " + p + "]").c_str());
    };
    expect(refused([&](auto& j) { event(j, "push")["action"] = "drop-table"; }),
           {"b.json", "history[0].action", "drop-table", "not a registry action"});
    expect(refused([&](auto& j) { event(j, "push")["at"] = "9999-12-31T00:00:00Z"; }),
           {"history[0].at", "future"});
    expect(refused([&](auto& j) { j["versions"][0]["created_at"] = "not a date"; }),
           {"versions[0].created_at", "UTC time"});
    expect(refused([&](auto& j) { j["model"]["created_at"] = "2026-12-07"; }), {"model.created_at"});
    expect(refused([&](auto& j) { event(j, "push")["actor"] = 42; }), {"history[0].actor", "wrong type"});
    expect(refused([&](auto& j) { event(j, "push")["actor"] = "admin\nFORGED"; }),
           {"history[0].actor", "control character"});
    expect(refused([&](auto& j) { event(j, "push")["extra"] = true; }), {"history[0].extra", "not a field"});
    expect(refused([&](auto& j) { j["versions"][0]["lineage"]["shell"] = "rm"; }), {"versions[0].lineage.shell"});
    expect(refused([&](auto& j) { j["model"]["owner"] = "x"; }), {"model.owner"});
    expect(refused([&](auto& j) { j["aliases"][0]["note"] = "x"; }), {"aliases[0].note"});
    expect(refused([&](auto& j) { j["signature"] = "x"; }), {"signature", "not a field"});
    // The champion the history contradicts, and a champion on an archived version.
    expect(refused([&](auto& j) {
             for (auto& a : j["aliases"])
               if (a["alias"] == "champion") a["version"] = 2;
           }),
           {"aliases[0].version", "contradicts history", "version 3"});
    expect(refused([&](auto& j) {
             for (auto& a : j["aliases"])
               if (a["alias"] == "champion") a["version"] = 1;
           }),
           {"aliases[0].version", "archived"});
    expect(refused([&](auto& j) { j["versions"][0]["archived"] = false; }),
           {"versions[0].archived", "contradicts history"});
    expect(refused([&](auto& j) { j["aliases"].erase(1); }), {"staging", "no such alias"});
    expect(refused([&](auto& j) { event(j, "alias-set")["alias"] = "champion"; }), {"alias", "cannot be champion"});
    expect(refused([&](auto& j) { event(j, "promote")["to_version"] = 9; }), {"to_version", "outside 1..3"});
    expect(refused([&](auto& j) { event(j, "promote")["to_version"] = nullptr; }), {"to_version", "is required"});
    expect(refused([&](auto& j) { event(j, "promote")["failed_rules"] = {{{"rule", 1}}}; }),
           {"failed_rules[0].rule"});
    QCOMPARE(reg().list().size(), modelsBefore);  // nothing of the refused imports was written

    // A bundle made by hand (no history) imports as it is, and so does its
    // export, whose history then holds only the import (a fuzzing finding).
    nlohmann::json hand = nlohmann::json::parse(bundle);
    hand["history"] = nlohmann::json::array();
    reg().importModel(hand.dump(), "hand.json", "by-hand");
    QCOMPARE(reg().importModel(reg().exportModel("by-hand").dump(), "again.json", "by-hand-again").aliases, 2);

    // A lineage command line holding secrets is stored redacted.
    nlohmann::json j = nlohmann::json::parse(bundle);
    j["versions"][1]["lineage"]["command_line"] =
        "PGPASSWORD=hunter2 foresight registry push --registry postgresql://ana:s3cr3t@db/models --api-key k3y --name x";
    reg().importModel(j.dump(), "b.json", "redacted");
    const std::string stored = reg().show("redacted").versions.at(1).lineage.commandLine;
    QVERIFY2(!contains(stored, "hunter2") && !contains(stored, "s3cr3t") && !contains(stored, "k3y"), stored.c_str());
    QVERIFY2(contains(stored, "postgresql://ana:***@db/models") && contains(stored, "--name x"), stored.c_str());
  }

  void separateConnectionsSeeEachOthersWrites() {
    auto second = another();
    push("demand", 1);
    QCOMPARE(second->push(pushOf("demand", 2)).version, 2);
    QCOMPARE(reg().show("demand").versions.size(), std::size_t(2));
    second->promote({"demand", 2, std::nullopt, "", nullptr});
    QVERIFY_THROWS_EXCEPTION(RegistryConflictError, reg().promote({"demand", 1, std::nullopt, "", nullptr}));
  }
};

FORESIGHT_REGISTRY_TEST_MAIN(RegistryOperationsTest)
#include "RegistryOperationsTest.moc"
