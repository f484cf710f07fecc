// Drives the main window through every page and saves PNGs of each
// (scripts/screenshots.sh, docs/screenshots/): the Start page, Data,
// Explore (STL, ACF, seasonal plots), Models (leaderboard, the forecast
// ahead with its bands and origin, one backtest fold), Compare (before and
// after a promotion) and Registry, each at 1280x800 (NAME.png) and 1024x700
// (NAME-1024x700.png), plus the Data page at 1920x1080, then the territory
// hierarchy of the same data (Data page's tree: data-hierarchy; the
// Hierarchy page after its backtest and forecast: hierarchy). The data are the
// built-in sample, or SOURCE (say an Adventure Works folder, loaded with
// the default series settings: daily revenue).
#pragma once

#include <QDir>
#include <QObject>
#include <QSize>
#include <QStringList>
#include <functional>

namespace foresight::ui {

class MainWindow;

class ScreenshotTour : public QObject {
  Q_OBJECT
 public:
  ScreenshotTour(MainWindow& window, const QString& dir, const QString& source = {}, QObject* parent = nullptr);
  // Starts the tour; `finished` reports the files written (or the error).
  void start();

  // The window sizes every page is shot at; the first is the README's set.
  static QList<QSize> sizes();

 Q_SIGNALS:
  void finished(bool ok, const QStringList& files, const QString& error);

 private:
  void next();
  // Shoots `name` at every size in sizes(), then goes on with the tour.
  void shoot(const QString& name);
  void shootAt(const QString& name, int sizeIndex);
  // One PNG of the window as it is now; false (and the tour fails) when it cannot be written.
  bool save(const QString& fileName);
  void fail(const QString& error);
  // Runs `then` once the job runner is idle (the page's work has ended).
  void whenIdle(std::function<void()> then);

  MainWindow& window_;
  QDir dir_;
  QString source_;
  QStringList files_;
  QList<std::function<void()>> steps_;
};

}  // namespace foresight::ui
