// Runs long engine work off the GUI thread (QtConcurrent + QPromise) with
// progress and cooperative cancellation through foresight's
// CancellationToken; results come back on the GUI thread.
#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

#include "engine/common/Cancellation.h"
#include "ui/jobs/Job.h"

namespace foresight::ui {

class JobRunner : public QObject {
  Q_OBJECT
 public:
  explicit JobRunner(QObject* parent = nullptr);
  // Cancels every running job and waits for them: work must not outlive
  // the objects its callbacks refer to.
  ~JobRunner() override;

  // Starts `work` on the global thread pool. `work` reports through the
  // ProgressSink (any thread, any rate: it is throttled) and checks the
  // token (throwIfCancelled) between steps. Exceptions it throws become the
  // job's outcome: CancelledError -> Cancelled, any other std::exception ->
  // Failed with its message. `done` runs on the GUI thread when the job
  // ends, unless `context` was destroyed by then. The Job is owned by the
  // runner and deleted after `done` has run.
  Job* run(const QString& title, JobWork work, JobDone done = {}, QObject* context = nullptr);

  bool isBusy() const { return !jobs_.isEmpty(); }
  QList<Job*> jobs() const { return jobs_; }

 public Q_SLOTS:
  // Asks every running job to stop.
  void cancelAll();

 Q_SIGNALS:
  void jobStarted(foresight::ui::Job* job);
  // fraction in [0, 1] of the most recently started running job.
  void progressChanged(double fraction, const QString& step);
  void jobFinished(const QString& title, const foresight::ui::JobOutcome& outcome);
  // isBusy() changed.
  void busyChanged(bool busy);

 private:
  void finish(Job* job);
  QList<Job*> jobs_;
};

}  // namespace foresight::ui
