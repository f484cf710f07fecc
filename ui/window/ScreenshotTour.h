// Drives the main window through every page with the sample loaded and
// saves a PNG of each (scripts/screenshots.sh, docs/screenshots/): the
// window at 1280x800, plus the Data page at 1920x1080.
#pragma once

#include <QDir>
#include <QObject>
#include <QStringList>
#include <functional>

namespace foresight::ui {

class MainWindow;

class ScreenshotTour : public QObject {
  Q_OBJECT
 public:
  ScreenshotTour(MainWindow& window, const QString& dir, QObject* parent = nullptr);
  // Starts the tour; `finished` reports the files written (or the error).
  void start();

 Q_SIGNALS:
  void finished(bool ok, const QStringList& files, const QString& error);

 private:
  void next();
  void shoot(const QString& name);
  void fail(const QString& error);
  // Runs `then` once the job runner is idle (the page's work has ended).
  void whenIdle(std::function<void()> then);

  MainWindow& window_;
  QDir dir_;
  QStringList files_;
  QList<std::function<void()>> steps_;
};

}  // namespace foresight::ui
