// The Models page's results half: leaderboard with fold details, forecasts
// chart with per-model toggles, residual diagnostics.
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>  // std::max

#include "engine/common/Errors.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/FoldDetailsModel.h"
#include "ui/models/ForecastChartView.h"
#include "ui/models/LeaderboardModel.h"
#include "ui/models/ModelToggleModel.h"
#include "ui/models/ModelsPage.h"
#include "ui/models/ResidualsView.h"

namespace foresight::ui {

QWidget* ModelsPage::buildResultsTabs() {
  auto* tabs = new QTabWidget(this);

  table_ = new QTableView(this);
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(LeaderboardModel::kRankColumn, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setToolTip(tr("Click a header to sort; select a model for its folds. Hover a header for what the metric means."));
  auto* foldTable = new QTableView(this);
  foldTable->setModel(folds_);
  foldTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* boardSplit = new QSplitter(Qt::Vertical, this);
  boardSplit->addWidget(table_);
  boardSplit->addWidget(foldTable);
  tabs->addTab(boardSplit, tr("&Leaderboard"));
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showFoldsOf(current); });

  chart_ = new ForecastChartView(this);
  auto* toggleList = new QListView(this);
  toggleList->setModel(toggles_);
  toggleList->setMaximumWidth(220);
  toggleList->setToolTip(tr("Tick the models whose forecasts the chart shows"));
  connect(toggles_, &ModelToggleModel::toggled, chart_, &ForecastChartView::setModelVisible);
  auto* chartPage = new QSplitter(this);
  chartPage->addWidget(chart_);
  chartPage->addWidget(toggleList);
  chartPage->setStretchFactor(0, 4);
  tabs->addTab(chartPage, tr("&Forecasts"));

  residuals_ = new ResidualsView(this);
  tabs->addTab(residuals_, tr("R&esiduals"));
  return tabs;
}

void ModelsPage::showFoldsOf(const QModelIndex& proxyIndex) {
  const QModelIndex source = proxy_->mapToSource(proxyIndex);
  const QString label = source.isValid() ? leaderboard_->data(source, LeaderboardModel::kLabelRole).toString() : QString();
  folds_->setModel(run_ ? std::shared_ptr<const BacktestResult>(run_, &run_->backtest) : nullptr, label);
  if (!label.isEmpty()) residuals_->showModel(label);
}

void ModelsPage::applyRun(std::shared_ptr<const ModelsRun> run) {
  run_ = std::move(run);
  chart_->clearModels();
  if (!run_) {
    leaderboard_->clear();
    folds_->setModel(nullptr, {});
    toggles_->setModels({}, {});
    residuals_->setRun(nullptr);
    return;
  }
  // Aliasing shared_ptr: the models share the run's lifetime, no copy.
  const std::shared_ptr<const BacktestResult> backtest(run_, &run_->backtest);
  try {
    leaderboard_->setResult(backtest, settings_->metric());
  } catch (const InputError&) {
    leaderboard_->setResult(backtest, MetricKey{Metric::MASE, 0});
  }
  table_->sortByColumn(LeaderboardModel::kRankColumn, Qt::AscendingOrder);

  // Chart: some history before the first fold, then each model's fold
  // forecasts and its forecast past the data, banded by the first level.
  const TimeSeries& series = run_->series;
  Eigen::Index firstTest = series.size();
  for (const auto& m : backtest->models)
    for (const auto& f : m.folds) firstTest = std::min(firstTest, f.fold.testBegin);
  chart_->setActuals(series, std::max<Eigen::Index>(0, firstTest - 3 * backtest->config.horizon));
  QStringList names;
  QList<QColor> colors;
  for (std::size_t i = 0; i < backtest->models.size(); ++i) {
    const ModelBacktest& m = backtest->models[i];
    std::vector<ForecastSegment> segments;
    for (const auto& f : m.folds)
      if (f.ok) segments.push_back(ForecastSegment::fromFold(f, series.frequency, 0));
    if (i < run_->fits.size() && run_->fits[i].ok) segments.push_back(ForecastSegment::fromForecast(run_->fits[i].forecast, 0));
    const QString name = QString::fromStdString(m.label);
    chart_->addModel(name, segments);
    names << name;
    colors << ForecastChartView::colorFor(static_cast<int>(i));
  }
  chart_->setTitle(tr("%1: actuals, backtest forecasts and the forecast ahead (bands: %2% interval)")
                       .arg(QString::fromStdString(series.name))
                       .arg(backtest->config.levels.empty() ? 0.0 : backtest->config.levels.front()));
  toggles_->setModels(names, colors);
  residuals_->setRun(run_);
  if (proxy_->rowCount() > 0) table_->selectRow(0);
  const QString best = bestSpec();
  status_->setText(best.isEmpty() ? tr("Backtest done; no model completed a fold.")
                                  : tr("Backtest done. Best by %1: %2")
                                        .arg(QString::fromStdString(leaderboard_->leaderboard().metric().label()), best));
}

}  // namespace foresight::ui
