#include "ui/window/ScreenshotTour.h"

#include <QApplication>
#include <QTabWidget>
#include <QTimer>

#include "ui/data/DataPage.h"
#include "ui/explore/ExplorePage.h"
#include "ui/registry/RegistryPage.h"
#include "ui/window/MainWindow.h"

#ifdef FORESIGHT_HAVE_MODELS_PAGE
#include "ui/charts/ForecastChartPanel.h"
#include "ui/models/ModelsPage.h"
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
#include "ui/compare/ComparePage.h"
#endif
#ifdef FORESIGHT_HAVE_HIERARCHY_PAGE
#include <QTemporaryDir>
#include <QTreeView>
#include <exception>
#include <stdexcept>

#include "engine/hierarchy/HierarchicalSeries.h"
#include "ui/hierarchy/HierarchyPage.h"
#include "ui/session/WorkbenchSession.h"
#endif

namespace foresight::ui {

namespace {
// Lets layouts settle and charts paint before grabbing.
constexpr int kSettleMs = 400;
}  // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, const QString& dir, const QString& source, QObject* parent)
    : QObject(parent), window_(window), dir_(dir), source_(source) {}

QList<QSize> ScreenshotTour::sizes() { return {QSize(1280, 800), QSize(1024, 700)}; }

void ScreenshotTour::start() {
  if (!dir_.mkpath(QStringLiteral("."))) {
    fail(tr("cannot create %1").arg(dir_.path()));
    return;
  }
  window_.resize(sizes().front());
  steps_.append([this] {
    window_.showPage(tr("Start"));
    QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("start")); });
  });
  steps_.append([this] {
    connect(window_.dataPage(), &DataPage::loadFinished, this, [this](bool ok, const QString&, const QString& message) {
      if (!ok) fail(message);
      else QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("data")); });
    }, Qt::SingleShotConnection);
    if (source_.isEmpty()) window_.openSample();
    else window_.openSource(source_, false);
  });
  steps_.append([this] {
    window_.showPage(tr("Explore"));
    whenIdle([this] { shoot(QStringLiteral("explore")); });
  });
  steps_.append([this] {
    window_.explorePage()->tabs()->setCurrentIndex(1);
    QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("explore-acf")); });
  });
  steps_.append([this] {
    window_.explorePage()->tabs()->setCurrentIndex(2);
    QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("explore-seasonal")); });
  });
#ifdef FORESIGHT_HAVE_MODELS_PAGE
  // The Models page with a finished backtest of four models: the
  // leaderboard, the forecast ahead (bands per level, origin) and one fold.
  if (auto* models = qobject_cast<ModelsPage*>(window_.page(tr("Models")))) {
    steps_.append([this, models] {
      window_.showPage(tr("Models"));
      models->setSpecs({QStringLiteral("snaive"), QStringLiteral("ets"), QStringLiteral("theta"),
                        QStringLiteral("naive")});
      connect(models, &ModelsPage::backtestFinished, this, [this](bool) { whenIdle([this] { shoot(QStringLiteral("models")); }); },
              Qt::SingleShotConnection);
      if (!models->startBacktest()) fail(models->statusText());
    });
    steps_.append([this, models] {
      if (auto* tabs = models->findChild<QTabWidget*>()) tabs->setCurrentWidget(models->forecastChart());
      models->forecastChart()->showAhead();
      QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("models-forecast")); });
    });
    steps_.append([this, models] {
      models->forecastChart()->showFold(models->forecastChart()->foldCount() - 1);
      QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("models-fold")); });
    });
  }
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
  // The Compare page: the registry's champion of "revenue" against the best
  // model, then the same page after promoting it.
  if (auto* compare = qobject_cast<ComparePage*>(window_.page(tr("Compare")))) {
    steps_.append([this, compare] {
      window_.showPage(tr("Compare"));
      compare->setModelName(QStringLiteral("revenue"));
      connect(compare, &ComparePage::registryRefreshed, this, [this, compare] {
        connect(compare, &ComparePage::comparisonFinished, this,
                [this](bool) { whenIdle([this] { shoot(QStringLiteral("compare")); }); }, Qt::SingleShotConnection);
        if (!compare->startCompare()) fail(compare->messageText());
      }, Qt::SingleShotConnection);
      compare->refreshRegistry();
    });
    steps_.append([this, compare] {
      connect(compare, &ComparePage::promotionFinished, this, [this, compare](bool ok) {
        if (!ok) fail(compare->messageText());
        else whenIdle([this] { shoot(QStringLiteral("compare-promoted")); });
      }, Qt::SingleShotConnection);
      if (!compare->promote(tr("Screenshot tour: the challenger of the comparison shown")))
        fail(compare->messageText());
    });
  }
#endif
  steps_.append([this] {
    window_.showPage(tr("Registry"));
    window_.registryPage()->refresh(QStringLiteral("revenue"));
    whenIdle([this] { shoot(QStringLiteral("registry")); });
  });
  steps_.append([this] {
    window_.showPage(tr("Data"));
    window_.resize(1920, 1080);
    QTimer::singleShot(kSettleMs, this, [this] {
      if (save(QStringLiteral("data-1920x1080.png"))) next();
    });
  });
#ifdef FORESIGHT_HAVE_HIERARCHY_PAGE
  // The territory hierarchy (total -> region -> country -> territory) of
  // the same data's daily revenue, written as `foresight data series
  // --hierarchy territory` writes it and opened like any file: the Data
  // page's tree, then the Hierarchy page after its backtest and forecast,
  // drawing Europe beside its children's base sum.
  if (auto* hierarchy = qobject_cast<HierarchyPage*>(window_.page(tr("Hierarchy")))) {
    steps_.append([this] {
      window_.resize(sizes().front());
      const auto data = window_.session().data();
      QString file;
      try {
        if (!data) throw std::runtime_error("no data loaded");
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/foresight-hierarchy-XXXXXX"));
        dir.setAutoRemove(false);  // the session reads it again for workspaces
        if (!dir.isValid()) throw std::runtime_error(dir.errorString().toStdString());
        SeriesRequest request;
        request.measure = Measure::Revenue;
        file = dir.filePath(QStringLiteral("territory.csv"));
        HierarchicalSeries::writeFile(file.toStdString(),
                                      HierarchicalSeries::build(*data, request, *HierarchicalSeries::parseLevels("territory")));
      } catch (const std::exception& e) {
        fail(tr("cannot write the territory hierarchy: %1").arg(QString::fromUtf8(e.what())));
        return;
      }
      window_.showPage(tr("Data"));
      connect(window_.dataPage(), &DataPage::loadFinished, this, [this](bool ok, const QString&, const QString& message) {
        if (!ok) fail(message);
        else QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("data-hierarchy")); });
      }, Qt::SingleShotConnection);
      window_.dataPage()->loadSource(file, SeriesSettings{});
    });
    steps_.append([this, hierarchy] {
      window_.showPage(tr("Hierarchy"));
      connect(hierarchy, &HierarchyPage::backtestFinished, this, [this, hierarchy](bool ok) {
        if (!ok) fail(hierarchy->statusText());
      }, Qt::SingleShotConnection);
      connect(hierarchy, &HierarchyPage::forecastFinished, this, [this, hierarchy](bool ok) {
        if (!ok) {
          fail(hierarchy->statusText());
          return;
        }
        hierarchy->selectNode(QStringLiteral("Europe"));
        whenIdle([this] { shoot(QStringLiteral("hierarchy")); });
      }, Qt::SingleShotConnection);
      if (!hierarchy->startBacktest()) fail(hierarchy->statusText());
    });
  }
#endif
  next();
}

void ScreenshotTour::next() {
  if (steps_.isEmpty()) {
    Q_EMIT finished(true, files_, QString());
    return;
  }
  steps_.takeFirst()();
}

void ScreenshotTour::whenIdle(std::function<void()> then) {
  auto* timer = new QTimer(this);
  timer->setInterval(100);
  connect(timer, &QTimer::timeout, this, [this, timer, then] {
    if (window_.jobs().isBusy()) return;
    timer->deleteLater();
    QTimer::singleShot(kSettleMs, this, then);
  });
  // The page may start its work only once shown: give it one settle first.
  QTimer::singleShot(kSettleMs, timer, qOverload<>(&QTimer::start));
}

bool ScreenshotTour::save(const QString& fileName) {
  const QString file = dir_.filePath(fileName);
  if (!window_.grab().save(file, "PNG")) {
    fail(tr("cannot write %1").arg(file));
    return false;
  }
  files_ << file;
  return true;
}

void ScreenshotTour::shoot(const QString& name) { shootAt(name, 0); }

void ScreenshotTour::shootAt(const QString& name, int sizeIndex) {
  const QList<QSize> all = sizes();
  if (sizeIndex >= all.size()) {
    // Back to the first size, settled, before the next step.
    window_.resize(all.front());
    QTimer::singleShot(kSettleMs, this, [this] { next(); });
    return;
  }
  const QSize size = all[sizeIndex];
  const bool resized = window_.size() != size;
  window_.resize(size);
  QTimer::singleShot(resized ? kSettleMs : 0, this, [this, name, sizeIndex, size] {
    const QString suffix =
        sizeIndex == 0 ? QString() : QStringLiteral("-%1x%2").arg(size.width()).arg(size.height());
    if (save(name + suffix + QStringLiteral(".png"))) shootAt(name, sizeIndex + 1);
  });
}

void ScreenshotTour::fail(const QString& error) {
  steps_.clear();
  Q_EMIT finished(false, files_, error);
}

}  // namespace foresight::ui
