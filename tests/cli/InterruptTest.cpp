// Ctrl-C (SIGINT) and SIGTERM stop long commands at their next check with
// exit 130, and leave neither the output file nor a temporary file behind.
// The signal is sent once the command has said on stderr that it reached
// its loop (FORESIGHT_PROGRESS=lines), on data large enough that the loop
// has far more work left than it takes to deliver a signal.
#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtTest/QtTest>
#include <cmath>  // std::sin, M_PI
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/types.h>  // pid_t
#include <signal.h>     // kill

#include "CliProcess.h"
#include "TestSupport.h"
#include "engine/common/Date.h"

using namespace foresight;
using namespace foresight::test;

namespace {

// Starts `foresight ARGS`, waits until stderr holds `marker`, sends `signal`
// once and waits for the end. A run that ends before the marker shows up is
// returned as it is (the caller's exit-code check then fails with its output).
CliRun interruptWhen(const QStringList& args, const std::string& marker, int signal) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("FORESIGHT_PROGRESS"), QStringLiteral("lines"));
  p.setProcessEnvironment(env);
  // Wake on stderr, where the progress lines come, not on stdout.
  p.setReadChannel(QProcess::StandardError);
  p.start(QStringLiteral(FORESIGHT_BINARY), args);
  CliRun r;
  if (!p.waitForStarted()) {
    r.err = "(the test could not start foresight: " + p.errorString().toStdString() + ")";
    return r;
  }
  std::string err;
  while (err.find(marker) == std::string::npos && p.state() == QProcess::Running) {
    p.waitForReadyRead(1000);
    err += p.readAllStandardError().toStdString();
  }
  if (p.state() == QProcess::Running) ::kill(static_cast<pid_t>(p.processId()), signal);
  if (!p.waitForFinished(600000)) {
    p.kill();
    p.waitForFinished();
    return r;
  }
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = p.readAllStandardOutput().toStdString();
  r.err = err + p.readAllStandardError().toStdString();
  if (p.exitStatus() != QProcess::NormalExit) r.err += "\n(foresight ended abnormally: " + p.errorString().toStdString() + ")";
  return r;
}

std::set<std::string> filesIn(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// `series` weekly series of `weeks` points each: a yearly season, a trend
// and deterministic noise, so that auto_arima has a real search to do.
void writeWeeklyPanel(const std::filesystem::path& file, int series, int weeks) {
  std::ofstream out(file, std::ios::binary);
  out << "series,date,value\n";
  const Date start = *Date::parseIso("2015-01-05");
  unsigned state = 12345;
  for (int s = 0; s < series; ++s)
    for (int w = 0; w < weeks; ++w) {
      state = state * 1103515245u + 12345u;
      const double noise = static_cast<double>((state >> 16) % 1000) / 100.0;
      const double value = 200 + s + 0.3 * w + 25 * std::sin(2 * M_PI * w / 52.0) + noise;
      out << "s" << s << "," << start.addDays(7 * w).toIso() << "," << value << "\n";
    }
}

}  // namespace

class InterruptTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void panelFitStopsOnTheSignal_data() {
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
  }
  void panelFitStopsOnTheSignal() {
    QFETCH(int, signal);
    const auto dir = makeTempDir("cli-interrupt-fit");
    writeWeeklyPanel(dir / "weekly.csv", 400, 260);
    const auto out = dir / "model.json";
    // The first progress line comes after the first series is fitted: the
    // other 399 auto_arima searches are still to do.
    const CliRun r = interruptWhen({QStringLiteral("fit"), QStringLiteral("--data"), qpath(dir / "weekly.csv"),
                                    QStringLiteral("--model"), QStringLiteral("auto_arima"), QStringLiteral("--out"),
                                    qpath(out), QStringLiteral("--threads"), QStringLiteral("2")},
                                   "progress: ", signal);
    QVERIFY2(r.code == 130, describe(r).c_str());
    QVERIFY2(contains(r.err, "foresight: interrupted"), r.err.c_str());
    QCOMPARE(filesIn(dir), std::set<std::string>{"weekly.csv"});
  }

  void backtestStopsOnSigint() {
    const auto dir = makeTempDir("cli-interrupt-backtest");
    writeWeeklyPanel(dir / "weekly.csv", 400, 260);
    const CliRun r = interruptWhen({QStringLiteral("backtest"), QStringLiteral("--data"), qpath(dir / "weekly.csv"),
                                    QStringLiteral("--models"), QStringLiteral("auto_arima,ets"), QStringLiteral("--horizon"),
                                    QStringLiteral("13"), QStringLiteral("--folds"), QStringLiteral("3"),
                                    QStringLiteral("--out"), qpath(dir / "leaderboard.txt")},
                                   "progress: 0% backtest folds", SIGINT);
    QVERIFY2(r.code == 130, describe(r).c_str());
    QCOMPARE(filesIn(dir), std::set<std::string>{"weekly.csv"});
  }

  // `--data -` reads standard input; a writer that never writes must not
  // keep the command for ever: the first SIGTERM ends the read (exit 130).
  void aStandardInputReadWithNoWriterEndsOnTheSignal() {
    const auto dir = makeTempDir("cli-interrupt-stdin");
    // The write channel stays open and empty; the signal goes once the
    // command has said it reads standard input.
    const CliRun r = interruptWhen({QStringLiteral("fit"), QStringLiteral("--data"), QStringLiteral("-"),
                                    QStringLiteral("--model"), QStringLiteral("naive"), QStringLiteral("--out"),
                                    qpath(dir / "m.json")},
                                   "foresight: reading standard input", SIGTERM);
    QVERIFY2(r.code == 130, describe(r).c_str());
    QVERIFY2(contains(r.err, "foresight: interrupted"), r.err.c_str());
    QVERIFY(!std::filesystem::exists(dir / "m.json"));
  }

  // 1000 stores with a row on the first and the last day of ten years:
  // filled with zeros, that is 3.65 million rows to write.
  void dataSeriesWriteStopsOnSigint() {
    const auto dir = makeTempDir("cli-interrupt-series");
    {
      std::ofstream in(dir / "stores.csv", std::ios::binary);
      in << "store,day,amount\n";
      for (int s = 0; s < 1000; ++s) in << "store" << s << ",2010-01-01,1\nstore" << s << ",2019-12-31,2\n";
    }
    const CliRun r = interruptWhen({QStringLiteral("data"), QStringLiteral("series"), qpath(dir / "stores.csv"),
                                    QStringLiteral("--series-col"), QStringLiteral("store"), QStringLiteral("--by"),
                                    QStringLiteral("series"), QStringLiteral("--fill"), QStringLiteral("zero"),
                                    QStringLiteral("--out"), qpath(dir / "series.csv")},
                                   "% writing ", SIGINT);
    QVERIFY2(r.code == 130, describe(r).c_str());
    QCOMPARE(filesIn(dir), std::set<std::string>{"stores.csv"});
  }
};

QTEST_GUILESS_MAIN(InterruptTest)
#include "InterruptTest.moc"
