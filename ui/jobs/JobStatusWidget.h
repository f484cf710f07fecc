// The status bar's job indicator: what runs, a progress bar and a Cancel
// button (Esc), hidden while nothing runs.
#pragma once

#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QWidget>

namespace foresight::ui {

class JobRunner;

class JobStatusWidget : public QWidget {
  Q_OBJECT
 public:
  explicit JobStatusWidget(JobRunner& jobs, QWidget* parent = nullptr);
  QToolButton* cancelButton() const { return cancel_; }
  QProgressBar* progressBar() const { return bar_; }

 private:
  JobRunner& jobs_;
  QLabel* label_;
  QProgressBar* bar_;
  QToolButton* cancel_;
};

}  // namespace foresight::ui
