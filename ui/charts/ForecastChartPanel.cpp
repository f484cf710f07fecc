#include "ui/charts/ForecastChartPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>  // std::max, std::sort
#include <cmath>      // std::isfinite

#include "engine/eval/MetricKey.h"  // formatLevel
#include "ui/charts/ChartPalette.h"
#include "ui/charts/TimeSeriesChartView.h"
#include "ui/format/NumberFormat.h"

namespace foresight::ui {

namespace {

constexpr int kAhead = -2;
constexpr int kAllFolds = -1;

QString levelName(double level) { return QString::fromStdString(formatLevel(level)) + QLatin1Char('%'); }

}  // namespace

ForecastPiece ForecastPiece::fromFold(const FoldOutcome& fold, Frequency frequency) {
  if (!fold.ok) return ForecastPiece{fold.testStart, frequency, {}, {}, {}, fold.trainEnd};
  return ForecastPiece{fold.testStart, frequency, fold.forecast, fold.lower, fold.upper, fold.trainEnd};
}

ForecastPiece ForecastPiece::fromForecast(const Forecast& f) {
  return ForecastPiece{f.start, f.frequency, f.mean, f.lower, f.upper, advancePeriod(f.frequency, f.start, -1)};
}

ForecastChartPanel::ForecastChartPanel(QWidget* parent)
    : QWidget(parent), chart_(new TimeSeriesChartView(this)), selector_(new QComboBox(this)), hint_(new QLabel(this)) {
  selector_->setObjectName(QStringLiteral("forecastView"));
  selector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  selector_->setToolTip(tr("The forecast past the data, one backtest fold with its intervals, or every fold as "
                           "thin lines"));
  hint_->setText(tr("Click a legend entry to show or hide a model."));
  hint_->setEnabled(false);  // a quiet hint, not a message
  auto* top = new QHBoxLayout;
  top->setContentsMargins(0, 0, 0, 0);
  auto* label = new QLabel(tr("&Show:"), this);
  label->setBuddy(selector_);
  top->addWidget(label);
  top->addWidget(selector_);
  top->addWidget(hint_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(chart_, 1);
  connect(selector_, &QComboBox::currentIndexChanged, this, [this] {
    if (filling_) return;
    const int code = selector_->currentData().toInt();
    if (code == kAhead) showAhead();
    else if (code == kAllFolds) showAllFolds();
    else showFold(code);
  });
  connect(chart_, &TimeSeriesChartView::groupVisibilityChanged, this, [this](const QString& name, bool visible) {
    if (!modelNames().contains(name)) return;
    hidden_.removeAll(name);
    if (!visible) hidden_ << name;
  });
}

void ForecastChartPanel::setData(const TimeSeries& history, std::vector<ModelForecasts> models,
                                 std::vector<double> levels, const QString& title) {
  history_ = history;
  models_ = std::move(models);
  levels_ = std::move(levels);
  title_ = title;
  hidden_.clear();
  fold_ = 0;
  const bool anyAhead = std::any_of(models_.begin(), models_.end(), [](const ModelForecasts& m) { return m.ahead.has_value(); });
  view_ = anyAhead ? View::Ahead : View::Fold;
  fillSelector();
  redraw();
}

void ForecastChartPanel::clear() {
  history_ = TimeSeries{};
  models_.clear();
  levels_.clear();
  hidden_.clear();
  fillSelector();
  chart_->clearLines();
  chart_->setTitle(QString());
}

int ForecastChartPanel::foldCount() const {
  std::size_t n = 0;
  for (const ModelForecasts& m : models_) n = std::max(n, m.folds.size());
  return static_cast<int>(n);
}

QStringList ForecastChartPanel::viewNames() const {
  QStringList names;
  for (int i = 0; i < selector_->count(); ++i) names << selector_->itemText(i);
  return names;
}

void ForecastChartPanel::fillSelector() {
  filling_ = true;
  selector_->clear();
  const NumberFormat format;
  if (std::any_of(models_.begin(), models_.end(), [](const ModelForecasts& m) { return m.ahead.has_value(); }))
    selector_->addItem(tr("Forecast ahead"), kAhead);
  for (int k = 0; k < foldCount(); ++k) {
    std::optional<Date> origin;
    for (const ModelForecasts& m : models_)
      if (static_cast<std::size_t>(k) < m.folds.size()) origin = m.folds[static_cast<std::size_t>(k)].origin;
    selector_->addItem(origin ? tr("Fold %1 (origin %2)").arg(k + 1).arg(format.date(*origin)) : tr("Fold %1").arg(k + 1),
                       k);
  }
  if (foldCount() > 1) selector_->addItem(tr("All folds (lines, no bands)"), kAllFolds);
  const int code = view_ == View::Ahead ? kAhead : view_ == View::AllFolds ? kAllFolds : fold_;
  const int index = selector_->findData(code);
  selector_->setCurrentIndex(std::max(0, index));
  selector_->setEnabled(selector_->count() > 0);
  filling_ = false;
}

void ForecastChartPanel::showAhead() {
  view_ = View::Ahead;
  fillSelector();
  redraw();
}

void ForecastChartPanel::showAllFolds() {
  view_ = View::AllFolds;
  fillSelector();
  redraw();
}

void ForecastChartPanel::showFold(int fold) {
  view_ = View::Fold;
  fold_ = std::clamp(fold, 0, std::max(0, foldCount() - 1));
  fillSelector();
  redraw();
}

QStringList ForecastChartPanel::modelNames() const {
  QStringList names;
  for (const ModelForecasts& m : models_) names << m.name;
  return names;
}

void ForecastChartPanel::setShownModels(const QStringList& names) {
  hidden_.clear();
  for (const ModelForecasts& m : models_)
    if (!names.contains(m.name)) hidden_ << m.name;
  for (const ModelForecasts& m : models_) chart_->setGroupVisible(m.name, !hidden_.contains(m.name));
}

QStringList ForecastChartPanel::shownModels() const {
  QStringList names;
  for (const ModelForecasts& m : models_)
    if (!hidden_.contains(m.name)) names << m.name;
  return names;
}

void ForecastChartPanel::drawPiece(const QString& name, const ForecastPiece& piece, const QColor& color, bool bands,
                                   qreal width) {
  if (piece.empty()) return;
  if (bands) {
    // Widest band first, so the narrower ones paint over it darker.
    std::vector<Eigen::Index> order;
    for (Eigen::Index j = 0; j < piece.lower.cols() && j < static_cast<Eigen::Index>(levels_.size()); ++j)
      order.push_back(j);
    std::sort(order.begin(), order.end(), [this](Eigen::Index a, Eigen::Index b) {
      return levels_[static_cast<std::size_t>(a)] > levels_[static_cast<std::size_t>(b)];
    });
    for (std::size_t r = 0; r < order.size(); ++r) {
      const Eigen::Index j = order[r];
      QColor fill = color;
      fill.setAlphaF(static_cast<float>(0.12 + 0.10 * static_cast<double>(r)));
      chart_->addBand(name, levelName(levels_[static_cast<std::size_t>(j)]),
                      TimeSeriesChartView::pointsOf(piece.start, piece.frequency, piece.lower.col(j)),
                      TimeSeriesChartView::pointsOf(piece.start, piece.frequency, piece.upper.col(j)), fill);
    }
  }
  chart_->addPoints(name, TimeSeriesChartView::pointsOf(piece.start, piece.frequency, piece.mean), color, width);
}

void ForecastChartPanel::redraw() {
  chart_->clearLines();
  if (history_.empty() && models_.empty()) return;
  const NumberFormat format;
  // Non-negative history (sales, counts): bands stop at zero.
  bool nonNegative = history_.size() > 0;
  for (Eigen::Index i = 0; i < history_.size(); ++i)
    if (std::isfinite(history_.values[i]) && history_.values[i] < 0) nonNegative = false;
  chart_->setClipAtZero(nonNegative);

  Eigen::Index horizon = 1;
  for (const ModelForecasts& m : models_) {
    for (const ForecastPiece& p : m.folds) horizon = std::max(horizon, p.mean.size());
    if (m.ahead) horizon = std::max(horizon, m.ahead->mean.size());
  }
  const int h = static_cast<int>(horizon);
  const Frequency f = history_.frequency;
  // The window of history shown: enough before the origin to judge the
  // forecast against (four horizons, at least three seasons).
  const int before = std::max(4 * h, 3 * defaultSeasonalPeriod(f));
  std::optional<Date> origin;
  Date from = history_.empty() ? Date{} : history_.start, to = history_.empty() ? Date{} : history_.end();
  QString what;
  if (view_ == View::Ahead) {
    origin = history_.empty() ? std::optional<Date>{} : std::optional<Date>(history_.end());
    for (const ModelForecasts& m : models_)
      if (m.ahead) origin = m.ahead->origin;
    if (origin) from = advancePeriod(f, *origin, -before);
    QStringList levels;
    for (double l : levels_) levels << levelName(l);
    what = levels.isEmpty() ? tr("forecast ahead") : tr("forecast ahead with %1 intervals").arg(levels.join(tr(" and ")));
  } else if (view_ == View::Fold) {
    for (const ModelForecasts& m : models_)
      if (static_cast<std::size_t>(fold_) < m.folds.size()) origin = m.folds[static_cast<std::size_t>(fold_)].origin;
    if (origin) {
      from = advancePeriod(f, *origin, -before);
      to = std::min(to, advancePeriod(f, *origin, h));
    }
    what = tr("backtest fold %1 of %2").arg(fold_ + 1).arg(foldCount());
  } else {
    std::optional<Date> first;
    for (const ModelForecasts& m : models_)
      for (const ForecastPiece& p : m.folds)
        if (!first || p.origin < *first) first = p.origin;
    if (first) from = advancePeriod(f, *first, -2 * h);
    what = tr("all %1 backtest folds").arg(foldCount());
  }
  if (from < history_.start) from = history_.start;

  QList<QPointF> actual;
  for (const QPointF& p : TimeSeriesChartView::pointsOf(history_.start, f, history_.values))
    if (p.x() >= TimeSeriesChartView::xOf(from) && p.x() <= TimeSeriesChartView::xOf(to)) actual << p;
  chart_->addPoints(tr("actual"), actual, palette().color(QPalette::WindowText), 1.5);
  for (std::size_t i = 0; i < models_.size(); ++i) {
    const ModelForecasts& m = models_[i];
    const QColor color = ChartPalette::seriesColor(static_cast<int>(i));
    if (view_ == View::Ahead && m.ahead) drawPiece(m.name, *m.ahead, color, true, 2.0);
    if (view_ == View::Fold && static_cast<std::size_t>(fold_) < m.folds.size())
      drawPiece(m.name, m.folds[static_cast<std::size_t>(fold_)], color, true, 2.0);
    if (view_ == View::AllFolds)
      for (const ForecastPiece& p : m.folds) drawPiece(m.name, p, color, false, 1.2);
  }
  const QStringList hidden = hidden_;  // setGroupVisible reports back into hidden_
  for (const QString& name : hidden) chart_->setGroupVisible(name, false);
  if (origin && view_ != View::AllFolds)
    chart_->setOrigin(*origin, view_ == View::Ahead ? tr("forecast origin %1").arg(format.date(*origin))
                                                    : tr("fold %1 origin %2").arg(fold_ + 1).arg(format.date(*origin)));
  chart_->setTitle(title_.isEmpty() ? what : title_ + QStringLiteral(": ") + what);
  chart_->resetZoom();
}

}  // namespace foresight::ui
