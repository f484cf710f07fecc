// Runs the real `foresight` binary (FORESIGHT_BINARY, defined per CLI test)
// and small file helpers that CLI tests share.
#pragma once

#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace foresight::test {

struct CliRun {
  int code = -1;  // -1: crashed or did not finish within the timeout
  std::string out, err;
};

// Runs `foresight ARGS...` (in `cwd` when given), with `input` written to its
// standard input and then closed when given (else stdin stays an open, empty
// pipe); a hang counts as a failure (code -1) after timeoutMs.
inline CliRun runForesight(const QStringList& args, const std::filesystem::path& cwd = {},
                           int timeoutMs = 600000, const std::optional<std::string>& input = std::nullopt) {
  QProcess p;
  if (!cwd.empty()) p.setWorkingDirectory(QString::fromStdString(cwd.string()));
  p.start(QStringLiteral(FORESIGHT_BINARY), args);
  CliRun r;
  if (input) {
    if (!p.waitForStarted()) return r;
    p.write(input->data(), static_cast<qint64>(input->size()));
    p.closeWriteChannel();
  }
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    return r;
  }
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = p.readAllStandardOutput().toStdString();
  r.err = p.readAllStandardError().toStdString();
  return r;
}

// Runs `foresight ARGS...` with `input` on its standard input.
inline CliRun runForesightWithInput(const QStringList& args, const std::string& input) {
  return runForesight(args, {}, 600000, input);
}

// What a failed run said, for QVERIFY2 messages.
inline std::string describe(const CliRun& r) {
  return "exit " + std::to_string(r.code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

inline void writeTextFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string readTextFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline QString qpath(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }

inline bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace foresight::test
