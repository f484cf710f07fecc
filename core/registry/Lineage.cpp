#include "registry/Lineage.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QtGlobal>
#include <pwd.h>     // getpwuid: the user when the environment does not say
#include <unistd.h>  // getuid

#include "engine/common/SecretText.h"
#include "engine/common/Version.h"

namespace foresight::registry {

namespace {

std::string firstSet(std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const QByteArray v = qgetenv(n);
    if (!v.trimmed().isEmpty()) return v.trimmed().toStdString();
  }
  return {};
}

std::string quoteArg(const std::string& a) {
  if (!a.empty() && a.find_first_of(" \t\"'\\$") == std::string::npos) return a;
  std::string q = "'";
  for (char c : a) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string processCommandLine() {
  QStringList args;
  if (QCoreApplication::instance()) {
    args = QCoreApplication::arguments();
  } else {
    // The CLI runs without a QCoreApplication; Linux keeps argv here.
    QFile f(QStringLiteral("/proc/self/cmdline"));
    if (f.open(QIODevice::ReadOnly))
      for (const QByteArray& part : f.readAll().split('\0'))
        if (!part.isEmpty()) args << QString::fromLocal8Bit(part);
  }
  std::string line;
  for (const QString& a : args) line += (line.empty() ? "" : " ") + quoteArg(a.toStdString());
  return redactSecrets(line);
}

}  // namespace

std::string Lineage::actor() const { return (user.empty() ? "unknown" : user) + "@" + host; }

Lineage Lineage::fromEnvironment() {
  Lineage l;
  l.toolVersion = kToolVersion;
  l.user = firstSet({"FORESIGHT_USER", "USER", "LOGNAME", "USERNAME"});
  if (l.user.empty())
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) l.user = pw->pw_name;
  l.host = QSysInfo::machineHostName().toStdString();
  l.commandLine = processCommandLine();
  l.ciRunId = firstSet({"GITHUB_RUN_ID", "BUILD_BUILDID", "CI_PIPELINE_ID", "BUILDKITE_BUILD_ID",
                        "CIRCLE_WORKFLOW_ID", "BUILD_TAG"});
  l.gitCommit = firstSet({"GITHUB_SHA", "BUILD_SOURCEVERSION", "CI_COMMIT_SHA", "BUILDKITE_COMMIT",
                          "CIRCLE_SHA1", "GIT_COMMIT"});
  return l;
}

}  // namespace foresight::registry
