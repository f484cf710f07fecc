#include "ui/jobs/JobRunner.h"

#include <utility>

namespace foresight::ui {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
  cancelAll();
  for (Job* job : jobs_) job->waitForFinished();
}

Job* JobRunner::run(const QString& title, JobWork work, JobDone done, QObject* context) {
  auto* job = new Job(title, std::move(work), this);
  const bool hasContext = context != nullptr;
  QPointer<QObject> guard(context);
  connect(job, &Job::progressChanged, this, [this, job](double fraction, const QString& step) {
    if (!jobs_.isEmpty() && jobs_.last() == job) Q_EMIT progressChanged(fraction, step);
  });
  connect(job, &Job::finished, this,
          [this, job, done = std::move(done), hasContext, guard](const JobOutcome& outcome) {
            if (done && (!hasContext || guard)) done(outcome);
            Q_EMIT jobFinished(job->title(), outcome);
            finish(job);
          });
  jobs_.append(job);
  Q_EMIT jobStarted(job);
  if (jobs_.size() == 1) Q_EMIT busyChanged(true);
  Q_EMIT progressChanged(0.0, title);
  job->start();
  return job;
}

void JobRunner::cancelAll() {
  for (Job* job : jobs_) job->cancel();
}

void JobRunner::finish(Job* job) {
  jobs_.removeOne(job);
  job->deleteLater();
  if (jobs_.isEmpty()) Q_EMIT busyChanged(false);
}

}  // namespace foresight::ui
