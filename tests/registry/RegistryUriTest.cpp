// Registry URIs, their resolution order, password hiding, names and references.
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/common/SecretText.h"
#include "registry/ModelReference.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryNames.h"
#include "registry/RegistryUri.h"

using foresight::InputError;
using namespace foresight::registry;

namespace {
// The message of the InputError `f` throws; fails the test if none.
template <class F>
std::string inputErrorOf(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}
}  // namespace

class RegistryUriTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void parsesSqlite() {
    const auto u = RegistryUri::parse("sqlite:///var/lib/foresight/reg.db");
    QVERIFY(u.isSqlite());
    QCOMPARE(u.path(), std::string("/var/lib/foresight/reg.db"));
    QCOMPARE(u.redacted(), std::string("sqlite:///var/lib/foresight/reg.db"));
    QCOMPARE(RegistryUri::parse("sqlite:///tmp/with%20space.db").path(), std::string("/tmp/with space.db"));
  }
  void refusesRelativeOrFolderSqlitePaths() {
    QVERIFY(inputErrorOf([] { RegistryUri::parse("sqlite://relative.db"); }).find("absolute") != std::string::npos);
    QVERIFY(inputErrorOf([] { RegistryUri::parse("sqlite:///tmp/"); }).find("folder") != std::string::npos);
    QVERIFY(inputErrorOf([] { RegistryUri::parse("mysql://x/y"); }).find("unknown registry URI scheme") != std::string::npos);
    QVERIFY(inputErrorOf([] { RegistryUri::parse(""); }).find("empty") != std::string::npos);
  }
  void parsesPostgres() {
    const auto u = RegistryUri::parse("postgresql://ana:p%40ss@db.example.com:6543/models?schema=team_a&sslmode=require");
    QVERIFY(!u.isSqlite());
    QCOMPARE(u.user(), std::string("ana"));
    QCOMPARE(u.password(), std::string("p@ss"));
    QCOMPARE(u.host(), std::string("db.example.com"));
    QCOMPARE(u.port(), 6543);
    QCOMPARE(u.database(), std::string("models"));
    QCOMPARE(u.schema(), std::string("team_a"));
    QCOMPARE(u.options().at("sslmode"), std::string("require"));
    QCOMPARE(u.redacted(), std::string("postgresql://ana:***@db.example.com:6543/models?schema=team_a&sslmode=require"));

    const auto v6 = RegistryUri::parse("postgres://[::1]:5433/reg");
    QCOMPARE(v6.host(), std::string("::1"));
    QCOMPARE(v6.port(), 5433);
    QCOMPARE(v6.redacted(), std::string("postgresql://[::1]:5433/reg"));
    // A password may hold '@' and ':' unencoded: the userinfo runs to the last '@'.
    const auto odd = RegistryUri::parse("postgresql://bob:a:b@c@host/db");
    QCOMPARE(odd.password(), std::string("a:b@c"));
    QCOMPARE(odd.host(), std::string("host"));
    const auto bare = RegistryUri::parse("postgresql://host/db");
    QCOMPARE(bare.user(), std::string());
    QCOMPARE(bare.port(), 0);
  }
  void badPostgresUrisNeverEchoThePassword() {
    for (const std::string uri : {"postgresql://u:Hunter2Secret@host:notaport/db",
                                  "postgresql://u:Hunter2Secret@host:99999/db",
                                  "postgresql://u:Hunter2Secret@host/db?schema=bad-name",
                                  "postgresql://u:Hunter2Secret@host/db?password=x",
                                  "postgresql://u:Hunter2Secret@[::1/db"}) {
      const std::string msg = inputErrorOf([&] { RegistryUri::parse(uri); });
      QVERIFY2(msg != "(no InputError)", uri.c_str());
      QVERIFY2(msg.find("Hunter2Secret") == std::string::npos, msg.c_str());
      QVERIFY2(msg.find("***") != std::string::npos, msg.c_str());
    }
  }
  void scrubsPasswordsFromTextAndMessages() {
    QCOMPARE(foresight::redactSecrets("foresight registry push --registry postgresql://ana:s3cr3t@h/db --name x"),
             std::string("foresight registry push --registry postgresql://ana:***@h/db --name x"));
    QCOMPARE(foresight::redactSecrets("postgres://u@h/db and sqlite:///a.db"),
             std::string("postgres://u@h/db and sqlite:///a.db"));
    const auto u = RegistryUri::parse("postgresql://ana:p%2Fw0rd@h/db");
    QCOMPARE(u.password(), std::string("p/w0rd"));
    QCOMPARE(u.scrub("FATAL: password p/w0rd and p%2Fw0rd rejected"), std::string("FATAL: password *** and *** rejected"));
  }
  void resolvesExplicitThenEnvironmentThenDefault() {
    const QByteArray savedEnv = qgetenv("FORESIGHT_REGISTRY"), savedXdg = qgetenv("XDG_DATA_HOME");
    const auto dir = foresight::test::makeTempDir("uri");
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString(dir.string()));
    qputenv("FORESIGHT_REGISTRY", "sqlite:///from/env.db");
    QCOMPARE(RegistryUri::resolve(std::string("sqlite:///explicit.db")).path(), std::string("/explicit.db"));
    QCOMPARE(RegistryUri::resolve(std::string("sqlite:///explicit.db")).origin(), std::string("--registry"));
    QCOMPARE(RegistryUri::resolve(std::nullopt).path(), std::string("/from/env.db"));
    QCOMPARE(RegistryUri::resolve(std::nullopt).origin(), std::string("FORESIGHT_REGISTRY"));
    qunsetenv("FORESIGHT_REGISTRY");
    const auto d = RegistryUri::resolve(std::nullopt);
    QVERIFY(d.isDefaultLocation());
    QCOMPARE(d.path(), (dir / "foresight" / "registry.db").string());
    // The workbench saves the default as a URI: still the default location,
    // so its folder is created on first use on a fresh machine.
    const auto named = RegistryUri::parse("sqlite://" + d.path());
    QCOMPARE(named.origin(), std::string("--registry"));
    QVERIFY(named.isDefaultLocation());
    QVERIFY(!RegistryUri::parse("sqlite://" + (dir / "elsewhere.db").string()).isDefaultLocation());
    QVERIFY(!std::filesystem::exists(dir / "foresight"));
    {
      foresight::registry::ModelRegistry fresh(named);
      QVERIFY(fresh.list().empty());
    }
    QVERIFY(std::filesystem::exists(dir / "foresight" / "registry.db"));
    savedEnv.isNull() ? qunsetenv("FORESIGHT_REGISTRY") : qputenv("FORESIGHT_REGISTRY", savedEnv);
    savedXdg.isNull() ? qunsetenv("XDG_DATA_HOME") : qputenv("XDG_DATA_HOME", savedXdg);
  }
  void validatesNames() {
    QVERIFY(isValidName("demand"));
    QVERIFY(isValidName("Sales-EU_2.v1"));
    QVERIFY(isValidName(std::string(128, 'a')));
    QVERIFY(!isValidName(std::string(129, 'a')));
    QVERIFY(!isValidName(""));
    QVERIFY(!isValidName("-lead"));
    QVERIFY(!isValidName(".hidden"));
    QVERIFY(!isValidName("a b"));
    QVERIFY(!isValidName("a/b"));
    QVERIFY(!isValidName("x'; DROP TABLE models; --"));
    QVERIFY(!isValidName("caf\xc3\xa9"));
    const std::string msg = inputErrorOf([] { requireValidName("alias", "bad alias"); });
    QVERIFY2(msg.find("alias") != std::string::npos && msg.find("'bad alias'") != std::string::npos, msg.c_str());
    QVERIFY(inputErrorOf([] { requireValidTagValue("k", "line\nbreak"); }).find("control") != std::string::npos);
  }
  void parsesModelReferences() {
    const auto a = ModelReference::parse("demand@champion");
    QCOMPARE(a.name, std::string("demand"));
    QCOMPARE(*a.alias, std::string("champion"));
    const auto v = ModelReference::parse("demand/12");
    QCOMPARE(*v.version, 12);
    QCOMPARE(v.toString(), std::string("demand/12"));
    const auto n = ModelReference::parse("demand");
    QVERIFY(!n.alias && !n.version);
    for (const std::string bad : {"demand/0", "demand/x", "demand/", "demand@", "@champion", "a@b/1", "bad name"})
      QVERIFY2(inputErrorOf([&] { ModelReference::parse(bad); }) != "(no InputError)", bad.c_str());
  }
};

QTEST_GUILESS_MAIN(RegistryUriTest)
#include "RegistryUriTest.moc"
