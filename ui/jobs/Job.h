// One background job of the JobRunner: its title, progress, cancellation
// token and outcome.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "engine/common/Cancellation.h"

namespace foresight::ui {

struct JobOutcome {
  enum class Status { Succeeded, Failed, Cancelled };
  Status status = Status::Succeeded;
  QString message;  // the error's text when Failed, empty otherwise

  bool succeeded() const { return status == Status::Succeeded; }
  bool cancelled() const { return status == Status::Cancelled; }
};

// The work a job does (on a pool thread).
using JobWork = std::function<void(const foresight::ProgressSink& progress,
                                   const foresight::CancellationToken& cancel)>;
// What runs on the GUI thread after the work ended.
using JobDone = std::function<void(const JobOutcome& outcome)>;

class Job : public QObject {
  Q_OBJECT
 public:
  Job(QString title, JobWork work, QObject* parent = nullptr);
  ~Job() override;

  QString title() const { return title_; }
  double progress() const { return progress_; }
  QString step() const { return step_; }
  bool isRunning() const { return running_; }
  const JobOutcome& outcome() const { return outcome_; }
  // Blocks until the work has ended (tests, shutdown); the done callback
  // still runs later from the event loop.
  void waitForFinished();

 public Q_SLOTS:
  // Sets the token; the work stops at its next check.
  void cancel();

 Q_SIGNALS:
  void progressChanged(double fraction, const QString& step);
  void finished(const foresight::ui::JobOutcome& outcome);

 private:
  friend class JobRunner;
  void start();
  void onProgress(int value, const QString& text);
  void onFinished();

  QString title_;
  JobWork work_;
  std::shared_ptr<foresight::CancellationToken> token_;
  std::shared_ptr<JobOutcome> result_;  // written by the worker, read after it ended
  QFutureWatcher<void> watcher_;
  double progress_ = 0.0;
  QString step_;
  bool running_ = false;
  JobOutcome outcome_;
};

}  // namespace foresight::ui
