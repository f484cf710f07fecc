// The Models page's results half: leaderboard with fold details, forecasts
// chart (the legend toggles models), residual diagnostics.
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <optional>
#include <vector>

#include "engine/common/Errors.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/FoldDetailsModel.h"
#include "ui/charts/ForecastChartPanel.h"
#include "ui/models/LeaderboardModel.h"
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

  chart_ = new ForecastChartPanel(this);
  tabs->addTab(chart_, tr("&Forecasts"));

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
  if (!run_) {
    chart_->clear();
    leaderboard_->clear();
    folds_->setModel(nullptr, {});
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

  // Chart: every model's forecast ahead and its folds; the best model is
  // drawn, the others wait in the legend.
  const TimeSeries& series = run_->series;
  std::vector<ModelForecasts> forecasts;
  for (std::size_t i = 0; i < backtest->models.size(); ++i) {
    const ModelBacktest& m = backtest->models[i];
    ModelForecasts f{QString::fromStdString(m.label), {}, std::nullopt};
    for (const FoldOutcome& fold : m.folds) f.folds.push_back(ForecastPiece::fromFold(fold, series.frequency));
    if (i < run_->fits.size() && run_->fits[i].ok) f.ahead = ForecastPiece::fromForecast(run_->fits[i].forecast);
    forecasts.push_back(std::move(f));
  }
  chart_->setData(series, std::move(forecasts), backtest->config.levels, QString::fromStdString(series.name));
  residuals_->setRun(run_);
  if (proxy_->rowCount() > 0) table_->selectRow(0);
  const QString bestLabel = proxy_->rowCount() > 0
                                ? proxy_->index(0, 0).data(LeaderboardModel::kLabelRole).toString()
                                : QString();
  if (!bestLabel.isEmpty()) chart_->setShownModels({bestLabel});
  const QString best = bestSpec();
  status_->setText(best.isEmpty() ? tr("Backtest done; no model completed a fold.")
                                  : tr("Backtest done. Best by %1: %2")
                                        .arg(QString::fromStdString(leaderboard_->leaderboard().metric().label()), best));
}

}  // namespace foresight::ui
