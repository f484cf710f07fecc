#include "ui/jobs/Job.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <exception>
#include <mutex>
#include <utility>

#include "engine/common/Errors.h"

namespace foresight::ui {

namespace {

// Progress from the worker is forwarded at most every 50 ms: engines may
// report thousands of steps a second, and every report is a queued event.
constexpr qint64 kProgressIntervalMs = 50;

struct ProgressThrottle {
  std::mutex mutex;
  QElapsedTimer sinceLast;
};

}  // namespace

Job::Job(QString title, JobWork work, QObject* parent)
    : QObject(parent),
      title_(std::move(title)),
      work_(std::move(work)),
      token_(std::make_shared<CancellationToken>()),
      result_(std::make_shared<JobOutcome>()) {
  connect(&watcher_, &QFutureWatcher<void>::finished, this, &Job::onFinished);
}

Job::~Job() { waitForFinished(); }

void Job::start() {
  running_ = true;
  auto token = token_;
  auto result = result_;
  auto work = work_;
  Job* target = this;  // alive until the worker ended: ~Job waits for it
  auto body = [token, result, work, target](QPromise<void>& promise) {
    auto throttle = std::make_shared<ProgressThrottle>();
    throttle->sinceLast.start();
    ProgressSink sink = [throttle, target](double fraction, std::string_view step) {
      {
        std::lock_guard lock(throttle->mutex);
        if (fraction < 1.0 && throttle->sinceLast.elapsed() < kProgressIntervalMs) return;
        throttle->sinceLast.restart();
      }
      const int value = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000.0);
      const QString text = QString::fromUtf8(step.data(), static_cast<qsizetype>(step.size()));
      QMetaObject::invokeMethod(target, [target, value, text] { target->onProgress(value, text); },
                                Qt::QueuedConnection);
    };
    try {
      if (promise.isCanceled()) throw CancelledError();
      work(sink, *token);
      result->status = JobOutcome::Status::Succeeded;
    } catch (const CancelledError&) {
      result->status = JobOutcome::Status::Cancelled;
    } catch (const std::exception& e) {
      result->status = JobOutcome::Status::Failed;
      result->message = QString::fromUtf8(e.what());
    } catch (...) {
      result->status = JobOutcome::Status::Failed;
      result->message = QStringLiteral("unexpected error of an unknown type");
    }
  };
  watcher_.setFuture(QtConcurrent::run(body));
}

void Job::waitForFinished() { watcher_.waitForFinished(); }

void Job::cancel() { token_->cancel(); }

void Job::onProgress(int value, const QString& text) {
  if (!running_) return;
  progress_ = value / 1000.0;
  step_ = text;
  Q_EMIT progressChanged(progress_, step_);
}

void Job::onFinished() {
  running_ = false;
  outcome_ = *result_;
  Q_EMIT finished(outcome_);
}

}  // namespace foresight::ui
