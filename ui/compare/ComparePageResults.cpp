// The Compare page's results: forecasts of both models on the same folds,
// the metrics table, per-fold bars and the verdicts in words.
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>  // std::min, std::max

#include "ui/compare/CompareMetricsModel.h"
#include "ui/compare/ComparePage.h"
#include "ui/compare/ComparisonText.h"
#include "ui/compare/FoldBarChartView.h"
#include "ui/charts/ForecastChartPanel.h"

namespace foresight::ui {

namespace {

ModelForecasts foldsOf(const QString& name, const ModelBacktest& m, Frequency f) {
  ModelForecasts out{name, {}, std::nullopt};
  for (const FoldOutcome& fold : m.folds) out.folds.push_back(ForecastPiece::fromFold(fold, f));
  return out;
}

}  // namespace

QWidget* ComparePage::buildResults() {
  chart_ = new ForecastChartPanel(this);
  bars_ = new FoldBarChartView(this);
  auto* table = new QTableView(this);
  table->setModel(metrics_);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  verdict_ = new QLabel(this);
  decision_ = new QLabel(this);
  for (QLabel* l : {verdict_, decision_}) {
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  verdict_->setToolTip(tr("Diebold-Mariano test (Harvey-Leybourne-Newbold correction) on the per-step losses of "
                          "both models over the same folds, as R's forecast::dm.test"));
  decision_->setToolTip(tr("The promotion policy: metric improvement, Diebold-Mariano p-value, interval coverage, "
                           "folds completed"));

  // Forecasts on top, table and per-fold bars side by side below; the
  // verdicts in words go under the settings (words_), where the column has
  // room, so the charts keep the height.
  auto* words = new QWidget(this);
  auto* wordsLayout = new QVBoxLayout(words);
  wordsLayout->setContentsMargins(4, 4, 4, 4);
  wordsLayout->addWidget(verdict_);
  wordsLayout->addWidget(decision_);
  wordsLayout->addStretch(1);
  auto* wordsScroll = new QScrollArea(this);
  wordsScroll->setWidget(words);
  wordsScroll->setWidgetResizable(true);
  auto* middle = new QSplitter(this);
  middle->addWidget(table);
  middle->addWidget(bars_);
  middle->setSizes({3, 2});  // proportions: the table's four columns, then the bars
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(chart_);
  split->addWidget(middle);
  split->setSizes({1, 1});
  words_ = wordsScroll;
  // The stale marker sits above everything it qualifies.
  stale_ = new QLabel(this);
  stale_->setObjectName(QStringLiteral("staleMarker"));
  stale_->setWordWrap(true);
  stale_->setFrameShape(QFrame::StyledPanel);
  stale_->setStyleSheet(QStringLiteral("QLabel#staleMarker { font-weight: bold; padding: 4px; }"));
  stale_->setVisible(false);
  auto* results = new QWidget(this);
  auto* layout = new QVBoxLayout(results);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stale_);
  layout->addWidget(split, 1);
  return results;
}

void ComparePage::showOutcome(std::shared_ptr<const CompareOutcome> outcome) {
  chart_->clear();
  setStale({});
  if (!outcome) {
    metrics_->setComparison(nullptr);
    bars_->setComparison(nullptr, policy_.metric);
    verdict_->clear();
    decision_->clear();
    updateButtons();
    return;
  }
  const ComparisonResult& c = outcome->comparison;
  metrics_->setComparison(std::shared_ptr<const ComparisonResult>(outcome, &outcome->comparison));
  bars_->setComparison(&c, policy_.metric);
  const TimeSeries& series = comparedSeries_;
  // Champion and challenger on the same axis, one fold at a time (or all
  // folds as lines) with the comparison's interval levels.
  std::vector<ModelForecasts> models;
  if (c.champion)
    models.push_back(foldsOf(tr("champion (v%1)").arg(outcome->champion.version.value_or(0)), *c.champion,
                             series.frequency));
  models.push_back(foldsOf(tr("challenger"), c.challenger, series.frequency));
  chart_->setData(series, std::move(models), c.config.levels,
                  tr("Champion and challenger on %1").arg(QString::fromStdString(outcome->seriesName)));
  verdict_->setText(ComparisonText::dieboldMariano(c, policy_.maxPValue));
  decision_->setText(ComparisonText::decision(outcome->decision));
  updateButtons();
}

QString ComparePage::verdictText() const { return verdict_->text(); }
QString ComparePage::decisionText() const { return decision_->text(); }

}  // namespace foresight::ui
