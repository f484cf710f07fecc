// JobRunner: outcomes, progress on the GUI thread, cancellation of a real
// backtest (reported as cancelled, results discarded), and the event loop
// going on while a job runs. State and events only: no timing.
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QtTest/QtTest>
#include <cmath>
#include <memory>
#include <optional>
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
    QThread* seenOn = nullptr;
    connect(&runner, &JobRunner::progressChanged, this, [&] { seenOn = QThread::currentThread(); });
    Job* job = runner.run(QStringLiteral("steps"), [](const ProgressSink& p, const CancellationToken&) {
      for (int i = 1; i <= 5; ++i) p(i / 5.0, "step");
    });
    QTRY_VERIFY(!job->isRunning());
    QTRY_VERIFY(!runner.isBusy());
    // Reports in between may be thinned out; the final one always arrives.
    QVERIFY(progress.count() >= 2);  // the start (0) and the end (1)
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
    QCOMPARE(seenOn, QThread::currentThread());
  }

  // A job cancelled while it runs reports Cancelled, and its results are
  // discarded: the real backtest behind it stops at the token and `done`
  // sees no result. The job waits on a latch the test opens, so it is
  // running for certain when Cancel comes.
  void cancelledJobReportsCancelledAndDiscardsItsResult() {
    JobRunner runner;
    BacktestConfig config;
    config.folds = 40;
    config.horizon = 7;
    config.threads = 1;
    const TimeSeries series = weeklySeason();
    std::vector<ModelCandidate> models{ModelCandidate::fromSpec("ets"), ModelCandidate::fromSpec("theta")};
    QSemaphore started, latch;
    auto result = std::make_shared<std::optional<BacktestResult>>();
    JobOutcome outcome;
    bool ended = false;
    bool applied = false;
    Job* job = runner.run(
        QStringLiteral("backtest"),
        [&, result](const ProgressSink& p, const CancellationToken& cancel) {
          started.release();
          latch.acquire();  // held until the test has pressed Cancel
          *result = RollingOriginBacktest(config).run(series, models, p, &cancel);
        },
        [&, result](const JobOutcome& o) {
          outcome = o;
          ended = true;
          if (o.succeeded() && result->has_value()) applied = true;  // what a page would show
        });
    QVERIFY(started.tryAcquire(1, 30000));  // the worker is inside the job
    QVERIFY(job->isRunning());
    runner.cancelAll();
    latch.release();
    QTRY_VERIFY_WITH_TIMEOUT(ended, 60000);
    QCOMPARE(outcome.status, JobOutcome::Status::Cancelled);
    QVERIFY(!result->has_value());  // the backtest threw at the token, nothing was computed to the end
    QVERIFY(!applied);
    QVERIFY(!runner.isBusy());
  }

  // The GUI thread's event loop goes on while a job runs: a queued event
  // is processed while the job is certainly still inside its work (it
  // waits on a latch the test opens only afterwards).
  void eventLoopProcessesQueuedEventsWhileAJobRuns() {
    JobRunner runner;
    QSemaphore latch;
    bool ended = false;
    Job* job = runner.run(
        QStringLiteral("blocked"), [&](const ProgressSink&, const CancellationToken&) { latch.acquire(); },
        [&](const JobOutcome&) { ended = true; });
    bool processed = false;
    QMetaObject::invokeMethod(this, [&] { processed = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(processed);
    QVERIFY(job->isRunning());
    QVERIFY(!ended);
    latch.release();
    QTRY_VERIFY(ended);
  }
};

QTEST_MAIN(JobRunnerTest)
#include "JobRunnerTest.moc"
