// Shared by the pipeline CLI tests: run the real `foresight` binary, write
// pipeline configs, read JSON and the Power BI CSV.
#pragma once

#include <QProcess>
#include <QStringList>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace foresight::test {

struct CliRun {
  int code = -1;
  std::string out, err;
};

inline CliRun runForesight(const QStringList& args, const std::filesystem::path& cwd = {}) {
  QProcess p;
  if (!cwd.empty()) p.setWorkingDirectory(QString::fromStdString(cwd.string()));
  p.start(QStringLiteral(FORESIGHT_BINARY), args);
  if (!p.waitForFinished(600000)) {
    p.kill();
    p.waitForFinished();
    return {};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().toStdString(),
          p.readAllStandardError().toStdString()};
}

inline QString qpath(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }

inline std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void writeText(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// What a failed run said, for QVERIFY2 messages.
inline std::string describe(const CliRun& r) {
  return "exit " + std::to_string(r.code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

}  // namespace foresight::test
