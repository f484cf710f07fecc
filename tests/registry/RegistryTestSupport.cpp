#include "RegistryTestSupport.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <atomic>
#include <fstream>
#include <sstream>
#include <unistd.h>  // getpid

#include "TestSupport.h"
#include "registry/RegistryConnection.h"

namespace foresight::test {

using registry::RegistryConnection;
using registry::RegistryUri;

const char* backendName(Backend b) { return b == Backend::Sqlite ? "sqlite" : "postgresql"; }

std::vector<Backend> selectedBackends() {
  const QByteArray only = qgetenv("FORESIGHT_TEST_BACKEND");
  if (only == "sqlite") return {Backend::Sqlite};
  if (only == "postgresql") return {Backend::Postgres};
  return {Backend::Sqlite, Backend::Postgres};
}

std::string backendProblem(Backend b) {
  if (b == Backend::Sqlite || !qgetenv("FORESIGHT_TEST_PG_URI").isEmpty()) return {};
  return "FORESIGHT_TEST_PG_URI is not set: the PostgreSQL half of the registry suite cannot run. "
         "scripts/test.sh sets it; by hand: scripts/pg-test-cluster.sh start /tmp/pg 54329 and export "
         "the URI it prints (or FORESIGHT_TEST_BACKEND=sqlite to run only SQLite)";
}

TestRegistry::TestRegistry(Backend backend) : backend_(backend) {
  static std::atomic<int> counter{0};
  dir_ = makeTempDir("registry");
  if (backend == Backend::Sqlite) {
    uri_ = "sqlite://" + (dir_ / "registry.db").string();
    return;
  }
  const std::string base = qgetenv("FORESIGHT_TEST_PG_URI").toStdString();
  if (base.empty()) throw std::runtime_error(backendProblem(backend));
  schema_ = "fs_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
            std::to_string(QRandomGenerator::global()->bounded(1000000));
  uri_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "schema=" + schema_;
}

TestRegistry::~TestRegistry() {
  if (backend_ != Backend::Postgres) return;
  try {
    RegistryConnection admin(RegistryUri::parse(qgetenv("FORESIGHT_TEST_PG_URI").toStdString()));
    admin.execute(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(QString::fromStdString(schema_)));
  } catch (const std::exception& e) {
    qWarning("could not drop test schema %s: %s", schema_.c_str(), e.what());
  }
}

void TestRegistry::execSql(const QString& sql, const QVariantList& values) const {
  RegistryConnection db(parsed());
  // PostgreSQL cannot PREPARE DDL, so statements without values run as they are.
  if (values.isEmpty()) db.execute(sql);
  else db.run(sql, values);
}

QVariant TestRegistry::queryValue(const QString& sql, const QVariantList& values) const {
  RegistryConnection db(parsed());
  QSqlQuery q = db.run(sql, values);
  return q.next() ? q.value(0) : QVariant();
}

void TestRegistry::runScript(const std::filesystem::path& file) const {
  if (backend_ == Backend::Postgres) {
    RegistryConnection admin(RegistryUri::parse(qgetenv("FORESIGHT_TEST_PG_URI").toStdString()));
    admin.execute(QStringLiteral("CREATE SCHEMA \"%1\"").arg(QString::fromStdString(schema_)));
  }
  RegistryConnection db(parsed());
  std::istringstream in(readText(file));
  std::string line, statement;
  while (std::getline(in, line)) {
    if (statement.empty() && line.rfind("--", 0) == 0) continue;
    statement += line + "\n";
    if (!line.empty() && line.back() == ';') {
      statement.pop_back();  // newline
      statement.pop_back();  // ';'
      db.execute(QString::fromStdString(statement));
      statement.clear();
    }
  }
}

std::string artifactJson(int variant, std::size_t padding) {
  std::string state = "[";
  for (std::size_t i = 0; i < 7 + padding; ++i)
    state += (i ? "," : "") + std::to_string(100 + variant) + "." + std::to_string(i % 100);
  state += "]";
  const std::string v = std::to_string(variant);
  return "{\n  \"created_at\": \"2026-01-0" + std::to_string(1 + variant % 9) +
         "T00:00:00Z\",\n"
         "  \"fit\": {\"data_sha256\": \"" + std::string(63, 'a') + std::to_string(variant % 10) +
         "\", \"end\": \"2016-12-31\", \"freq\": \"D\", \"metrics\": {\"aic\": " + std::to_string(1000 + variant) +
         ".5, \"sigma2\": 2.25}, \"n\": 731, \"series\": \"total\", \"start\": \"2015-01-01\"},\n"
         "  \"model\": \"ets\",\n  \"params\": {\"alpha\": 0." + std::to_string(10 + variant % 80) +
         "},\n  \"schema\": \"foresight.model/1\",\n  \"spec\": {\"error\": \"A\"},\n"
         "  \"spec_text\": \"ets(error=A)\",\n  \"state\": {\"level\": " + state + ", \"variant\": " + v +
         "},\n  \"tool_version\": \"0.1.0\"\n}\n";
}

std::string panelArtifactJson(const std::vector<std::string>& series) {
  std::string entries;
  for (std::size_t i = 0; i < series.size(); ++i) {
    entries += std::string(i ? "," : "") + "{\"schema\":\"foresight.model/1\",\"model\":\"theta\",\"spec_text\":\"theta\"," +
               "\"params\":{\"theta\":2},\"state\":{\"level\":" + std::to_string(10 * (i + 1)) +
               "},\"fit\":{\"series\":\"" + series[i] + "\",\"freq\":\"D\",\"start\":\"2015-0" + std::to_string(1 + i) +
               "-01\",\"end\":\"2016-1" + std::to_string(i % 3) + "-01\",\"n\":500,\"data_sha256\":\"" +
               std::string(64, static_cast<char>('a' + i)) + "\",\"metrics\":{\"sigma2\":" + std::to_string(i + 1) +
               "}},\"created_at\":\"2026-01-01T00:00:00Z\",\"tool_version\":\"0.1.0\"}";
  }
  return "{\"schema\":\"foresight.model/1\",\"panel\":[" + entries + "]}";
}

void writeText(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) QTest::qFail(("cannot write " + file.string()).c_str(), __FILE__, __LINE__);
}

std::string readText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

QString cliPath() { return QStringLiteral(FORESIGHT_CLI); }

QProcessEnvironment cliEnvironment() {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  for (const char* name : {"FORESIGHT_REGISTRY", "GITHUB_RUN_ID", "BUILD_BUILDID", "CI_PIPELINE_ID", "GITHUB_SHA",
                           "BUILD_SOURCEVERSION", "CI_COMMIT_SHA", "BUILDKITE_BUILD_ID", "BUILDKITE_COMMIT",
                           "CIRCLE_WORKFLOW_ID", "CIRCLE_SHA1", "BUILD_TAG", "GIT_COMMIT", "PGPASSWORD"})
    env.remove(QString::fromLatin1(name));
  return env;
}

CliRun runCli(const QStringList& args, const QProcessEnvironment& env, int timeoutMs) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(cliPath(), args);
  CliRun r;
  if (!p.waitForStarted(30000)) {
    r.err = QStringLiteral("could not start ") + cliPath();
    return r;
  }
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.err = QStringLiteral("timed out: foresight ") + args.join(QLatin1Char(' '));
    r.crashed = true;
    return r;
  }
  r.crashed = p.exitStatus() != QProcess::NormalExit;
  r.exitCode = p.exitCode();
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

}  // namespace foresight::test
