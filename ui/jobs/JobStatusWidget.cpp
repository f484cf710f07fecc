#include "ui/jobs/JobStatusWidget.h"

#include <QHBoxLayout>

#include "ui/jobs/JobRunner.h"

namespace foresight::ui {

JobStatusWidget::JobStatusWidget(JobRunner& jobs, QWidget* parent)
    : QWidget(parent), jobs_(jobs), label_(new QLabel(this)), bar_(new QProgressBar(this)), cancel_(new QToolButton(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(label_);
  bar_->setRange(0, 1000);
  bar_->setMaximumWidth(220);
  bar_->setTextVisible(false);
  layout->addWidget(bar_);
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Stop the running work (Esc)"));
  cancel_->setShortcut(QKeySequence(Qt::Key_Escape));
  layout->addWidget(cancel_);
  setVisible(false);
  connect(cancel_, &QToolButton::clicked, &jobs_, &JobRunner::cancelAll);
  connect(&jobs_, &JobRunner::busyChanged, this, [this](bool busy) {
    setVisible(busy);
    cancel_->setEnabled(busy);
    if (!busy) bar_->setValue(0);
  });
  connect(&jobs_, &JobRunner::progressChanged, this, [this](double fraction, const QString& step) {
    bar_->setValue(static_cast<int>(fraction * 1000.0));
    const QList<Job*> running = jobs_.jobs();
    const QString title = running.isEmpty() ? QString() : running.last()->title();
    label_->setText(step.isEmpty() || step == title ? title : title + QStringLiteral(": ") + step);
  });
}

}  // namespace foresight::ui
