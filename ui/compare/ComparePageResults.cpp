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
#include "ui/models/ForecastChartView.h"

namespace foresight::ui {

namespace {

std::vector<ForecastSegment> foldSegments(const ModelBacktest& m, Frequency f) {
  std::vector<ForecastSegment> out;
  for (const FoldOutcome& fold : m.folds)
    if (fold.ok) out.push_back(ForecastSegment::fromFold(fold, f, 0));
  return out;
}

}  // namespace

QWidget* ComparePage::buildResults() {
  chart_ = new ForecastChartView(this);
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

  // Forecasts on top; table and per-fold bars side by side; the verdicts in
  // words across the bottom, where they have the width to be read.
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
  middle->setSizes({1, 1});  // proportions: half table, half bars
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(chart_);
  split->addWidget(middle);
  split->addWidget(wordsScroll);
  split->setSizes({4, 4, 2});
  return split;
}

void ComparePage::showOutcome(std::shared_ptr<const CompareOutcome> outcome) {
  chart_->clearModels();
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
  Eigen::Index firstTest = series.size();
  for (const FoldOutcome& f : c.challenger.folds) firstTest = std::min(firstTest, f.fold.testBegin);
  chart_->setActuals(series, std::max<Eigen::Index>(0, firstTest - 3 * c.config.horizon));
  if (c.champion)
    chart_->addModel(tr("champion (v%1)").arg(outcome->champion.version.value_or(0)),
                     foldSegments(*c.champion, series.frequency));
  chart_->addModel(tr("challenger"), foldSegments(c.challenger, series.frequency));
  chart_->setTitle(tr("Champion and challenger on the same folds (bands: %1% interval)")
                       .arg(c.config.levels.empty() ? 0.0 : c.config.levels.front()));
  verdict_->setText(ComparisonText::dieboldMariano(c, policy_.maxPValue));
  decision_->setText(ComparisonText::decision(outcome->decision));
  updateButtons();
}

QString ComparePage::verdictText() const { return verdict_->text(); }
QString ComparePage::decisionText() const { return decision_->text(); }

}  // namespace foresight::ui
