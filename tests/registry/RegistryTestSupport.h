// Shared by the registry suites: a fresh registry per test on SQLite or on
// PostgreSQL ($FORESIGHT_TEST_PG_URI, a new schema per test), the same test
// class run once per backend, model artifacts to push, and the real
// `foresight` binary run as a child process.
#pragma once

#include <QProcessEnvironment>
#include <QStringList>
#include <QVariantList>
#include <QtTest/QTest>
#include <filesystem>
#include <string>
#include <vector>

#include "registry/RegistryUri.h"

namespace foresight::test {

enum class Backend { Sqlite, Postgres };
const char* backendName(Backend b);

// The backends FORESIGHT_TEST_BACKEND selects (sqlite or postgresql); both when unset.
std::vector<Backend> selectedBackends();

// Empty when the backend can run; otherwise why not. PostgreSQL needs
// FORESIGHT_TEST_PG_URI, and its absence is a failure, never a skip.
std::string backendProblem(Backend b);

// A fresh, empty registry location for one test: an SQLite file in a new
// temporary folder, or a new schema in the $FORESIGHT_TEST_PG_URI database
// that the destructor drops again.
class TestRegistry {
 public:
  explicit TestRegistry(Backend backend);
  ~TestRegistry();
  TestRegistry(const TestRegistry&) = delete;
  TestRegistry& operator=(const TestRegistry&) = delete;

  const std::string& uri() const { return uri_; }
  QString uriArg() const { return QString::fromStdString(uri_); }
  registry::RegistryUri parsed() const { return registry::RegistryUri::parse(uri_); }
  const std::filesystem::path& dir() const { return dir_; }

  // SQL straight against the registry's database, bypassing the registry
  // (tampering, fixtures). Throws RegistryError when the database refuses.
  void execSql(const QString& sql, const QVariantList& values = {}) const;
  // First column of the first row of a query.
  QVariant queryValue(const QString& sql, const QVariantList& values = {}) const;
  // Runs a script whose statements each end with ';' at the end of a line.
  void runScript(const std::filesystem::path& file) const;

 private:
  Backend backend_;
  std::string uri_, schema_;
  std::filesystem::path dir_;
};

// A valid single-model artifact; `variant` changes its bytes and numbers,
// `padding` adds that many state values (to make big artifacts).
std::string artifactJson(int variant, std::size_t padding = 0);
// A panel artifact with one entry per name.
std::string panelArtifactJson(const std::vector<std::string>& series);
void writeText(const std::filesystem::path& file, const std::string& text);
std::string readText(const std::filesystem::path& file);

// The built `foresight` binary, run to completion.
struct CliRun {
  int exitCode = -1;
  bool crashed = false;
  QString out, err;
};
QString cliPath();
// The environment children get: this one minus FORESIGHT_REGISTRY and CI variables.
QProcessEnvironment cliEnvironment();
CliRun runCli(const QStringList& args, const QProcessEnvironment& env = cliEnvironment(), int timeoutMs = 120000);

// Runs the test object T (constructed with a Backend) once per selected backend.
template <class T>
int runOnBackends(int argc, char** argv) {
  int status = 0;
  for (Backend b : selectedBackends()) {
    qInfo("=== %s on %s", T::staticMetaObject.className(), backendName(b));
    T test(b);
    status |= QTest::qExec(&test, argc, argv);
  }
  return status;
}

}  // namespace foresight::test

// In initTestCase of a backend-parameterised test.
#define FORESIGHT_REQUIRE_BACKEND(b)                                             \
  do {                                                                           \
    const std::string problem_ = foresight::test::backendProblem(b);             \
    if (!problem_.empty()) QFAIL(problem_.c_str());                              \
  } while (false)

#define FORESIGHT_REGISTRY_TEST_MAIN(T)                    \
  int main(int argc, char** argv) {                        \
    QCoreApplication app(argc, argv);                      \
    return foresight::test::runOnBackends<T>(argc, argv);  \
  }
