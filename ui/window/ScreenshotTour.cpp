#include "ui/window/ScreenshotTour.h"

#include <QApplication>
#include <QTimer>

#include "ui/data/DataPage.h"
#include "ui/explore/ExplorePage.h"
#include "ui/registry/RegistryPage.h"
#include "ui/window/MainWindow.h"

#ifdef FORESIGHT_HAVE_MODELS_PAGE
#include "ui/models/ModelsPage.h"
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
#include "ui/compare/ComparePage.h"
#endif

namespace foresight::ui {

namespace {
// Lets layouts settle and charts paint before grabbing.
constexpr int kSettleMs = 400;
}  // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, const QString& dir, QObject* parent)
    : QObject(parent), window_(window), dir_(dir) {}

void ScreenshotTour::start() {
  if (!dir_.mkpath(QStringLiteral("."))) {
    fail(tr("cannot create %1").arg(dir_.path()));
    return;
  }
  window_.resize(1280, 800);
  steps_.append([this] {
    connect(window_.dataPage(), &DataPage::loadFinished, this, [this](bool ok, const QString&, const QString& message) {
      if (!ok) fail(message);
      else QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("data")); });
    }, Qt::SingleShotConnection);
    window_.openSample();
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
  // The Models page with a finished backtest of four models.
  if (auto* models = qobject_cast<ModelsPage*>(window_.page(tr("Models")))) {
    steps_.append([this, models] {
      window_.showPage(tr("Models"));
      models->setSpecs({QStringLiteral("snaive"), QStringLiteral("ets"), QStringLiteral("theta"),
                        QStringLiteral("naive")});
      connect(models, &ModelsPage::backtestFinished, this, [this](bool) { whenIdle([this] { shoot(QStringLiteral("models")); }); },
              Qt::SingleShotConnection);
      if (!models->startBacktest()) fail(models->statusText());
    });
  }
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
  // The Compare page: the registry's champion of "revenue" against the best model.
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
    QTimer::singleShot(kSettleMs, this, [this] { shoot(QStringLiteral("data-1920x1080")); });
  });
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

void ScreenshotTour::shoot(const QString& name) {
  const QString file = dir_.filePath(name + QStringLiteral(".png"));
  if (!window_.grab().save(file, "PNG")) {
    fail(tr("cannot write %1").arg(file));
    return;
  }
  files_ << file;
  next();
}

void ScreenshotTour::fail(const QString& error) {
  steps_.clear();
  Q_EMIT finished(false, files_, error);
}

}  // namespace foresight::ui
