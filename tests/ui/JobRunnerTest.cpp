// JobRunner: outcomes, progress on the GUI thread, and that the window stays
// responsive while a real backtest runs and stops soon after Cancel.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QTimer>
#include <QtTest/QtTest>
#include <cmath>
#include <stdexcept>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "ui/jobs/JobRunner.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

// Two years of daily values with a weekly season: every model has real work.
TimeSeries weeklySeason() {
  TimeSeries s;
  s.name = "demand";
  s.start = *Date::fromYmd(2020, 1, 1);
  s.values.resize(730);
  for (Eigen::Index i = 0; i < s.values.size(); ++i)
    s.values[i] = 100.0 + 0.05 * static_cast<double>(i) +
                  10.0 * std::sin(2.0 * M_PI * static_cast<double>(i % 7) / 7.0) +
                  static_cast<double>((i * 7919) % 13);
  return s;
}

}  // namespace

class JobRunnerTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void successRunsDoneOnTheGuiThread() {
    JobRunner runner;
    QSignalSpy busy(&runner, &JobRunner::busyChanged);
    bool ran = false;
    QThread* doneThread = nullptr;
    runner.run(QStringLiteral("add"), [](const ProgressSink& p, const CancellationToken&) { p(1.0, "done"); },
               [&](const JobOutcome& o) {
                 ran = o.succeeded();
                 doneThread = QThread::currentThread();
               });
    QVERIFY(runner.isBusy());
    QTRY_VERIFY(!runner.isBusy());
    QVERIFY(ran);
    QCOMPARE(doneThread, QThread::currentThread());
    QCOMPARE(busy.count(), 2);
  }

  void exceptionBecomesFailedWithItsMessage() {
    JobRunner runner;
    JobOutcome seen;
    runner.run(QStringLiteral("bad"),
               [](const ProgressSink&, const CancellationToken&) {
                 throw InputError(InputLocation{"data.csv", 3, "value", "x"}, "not a number");
               },
               [&](const JobOutcome& o) { seen = o; });
    QTRY_VERIFY(!runner.isBusy());
    QCOMPARE(seen.status, JobOutcome::Status::Failed);
    QVERIFY2(seen.message.contains(QStringLiteral("data.csv:3")), qPrintable(seen.message));
  }

  void doneIsSkippedWhenItsContextIsGone() {
    JobRunner runner;
    auto* context = new QObject;
    bool ran = false;
    runner.run(QStringLiteral("x"), [](const ProgressSink&, const CancellationToken&) {},
               [&](const JobOutcome&) { ran = true; }, context);
    delete context;
    QTRY_VERIFY(!runner.isBusy());
    QVERIFY(!ran);
  }

  void progressArrivesOnTheGuiThread() {
    JobRunner runner;
    QSignalSpy progress(&runner, &JobRunner::progressChanged);
    runner.run(QStringLiteral("steps"), [](const ProgressSink& p, const CancellationToken&) {
      for (int i = 1; i <= 5; ++i) {
        QThread::msleep(60);
        p(i / 5.0, "step");
      }
    });
    QTRY_VERIFY(!runner.isBusy());
    QVERIFY(progress.count() >= 3);
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
  }

  // The event loop keeps answering while a backtest runs (longest gap
  // between 10 ms timer ticks under 100 ms), and Cancel stops it within 1 s.
  void backtestKeepsTheLoopResponsiveAndCancels() {
    JobRunner runner;
    BacktestConfig config;
    config.folds = 40;
    config.horizon = 7;
    config.threads = 1;
    const TimeSeries series = weeklySeason();
    std::vector<ModelCandidate> models{ModelCandidate::fromSpec("ets"), ModelCandidate::fromSpec("theta"),
                                       ModelCandidate::fromSpec("auto_arima")};
    JobOutcome outcome;
    bool ended = false;
    Job* job = runner.run(
        QStringLiteral("backtest"),
        [&](const ProgressSink& p, const CancellationToken& cancel) {
          RollingOriginBacktest(config).run(series, models, p, &cancel);
        },
        [&](const JobOutcome& o) {
          outcome = o;
          ended = true;
        });

    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    timer.setTimerType(Qt::PreciseTimer);
    connect(&timer, &QTimer::timeout, this, [&] {
      if (ticks++ > 0) longestGap = std::max(longestGap, sinceTick.elapsed());
      sinceTick.restart();
    });
    sinceTick.start();
    timer.start();
    QElapsedTimer running;
    running.start();
    while (running.elapsed() < 1500 && !ended) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    QVERIFY2(!ended, qPrintable(QStringLiteral("the backtest ended before it could be cancelled: %1")
                                    .arg(outcome.message)));
    QVERIFY2(ticks > 20, qPrintable(QStringLiteral("only %1 timer ticks in 1.5 s").arg(ticks)));
    QVERIFY2(longestGap < 100, qPrintable(QStringLiteral("event loop stalled %1 ms").arg(longestGap)));
    QVERIFY(job->progress() > 0.0);

    QElapsedTimer stopping;
    stopping.start();
    runner.cancelAll();
    while (!ended && stopping.elapsed() < 5000) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    const qint64 stopMs = stopping.elapsed();
    qInfo("longest event-loop gap %lld ms over %d ticks; cancel stopped the backtest in %lld ms",
          static_cast<long long>(longestGap), ticks, static_cast<long long>(stopMs));
    QVERIFY(ended);
    QCOMPARE(outcome.status, JobOutcome::Status::Cancelled);
    QVERIFY2(stopMs < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(stopMs)));
  }
};

QTEST_MAIN(JobRunnerTest)
#include "JobRunnerTest.moc"
