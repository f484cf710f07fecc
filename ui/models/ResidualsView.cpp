#include "ui/models/ResidualsView.h"

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>  // std::isfinite, std::sqrt

#include "engine/models/decomposition/Autocorrelation.h"
#include "ui/charts/ChartPalette.h"
#include "ui/charts/Correlogram.h"
#include "ui/charts/TimeSeriesChartView.h"
#include "ui/format/NumberFormat.h"

namespace foresight::ui {

namespace {

// Residuals with the ends dropped (the ACF needs finite values).
Eigen::VectorXd finitePart(const Eigen::VectorXd& r) {
  std::vector<double> v;
  for (Eigen::Index i = 0; i < r.size(); ++i)
    if (std::isfinite(r[i])) v.push_back(r[i]);
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

ResidualsView::ResidualsView(QWidget* parent)
    : QWidget(parent),
      models_(new QComboBox(this)),
      residualChart_(new TimeSeriesChartView(this)),
      acfChart_(new QChartView(new QChart, this)),
      verdict_(new QLabel(this)) {
  auto* top = new QHBoxLayout;
  auto* label = new QLabel(tr("&Residuals of"), this);
  label->setBuddy(models_);
  top->addWidget(label);
  top->addWidget(models_, 1);
  verdict_->setWordWrap(true);
  verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  verdict_->setToolTip(tr("Ljung-Box test (R's Box.test, lag as forecast::checkresiduals): whether the residuals "
                          "still hold autocorrelation the model did not capture."));
  auto* charts = new QHBoxLayout;
  charts->addWidget(residualChart_, 3);
  charts->addWidget(acfChart_, 2);
  residualChart_->chart()->legend()->hide();
  acfChart_->setRenderHint(QPainter::Antialiasing);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(charts, 1);
  layout->addWidget(verdict_);
  applyPalette();
  connect(models_, &QComboBox::currentIndexChanged, this, [this](int i) {
    if (run_ && i >= 0 && i < static_cast<int>(run_->fits.size())) showFit(run_->fits[static_cast<std::size_t>(i)]);
  });
}

void ResidualsView::setRun(std::shared_ptr<const ModelsRun> run) {
  run_ = std::move(run);
  models_->blockSignals(true);
  models_->clear();
  if (run_)
    for (const FullFit& f : run_->fits) models_->addItem(QString::fromStdString(f.label));
  models_->blockSignals(false);
  if (run_ && !run_->fits.empty()) {
    showFit(run_->fits.front());
  } else {
    residualChart_->clearLines();
    acfChart_->chart()->removeAllSeries();
    verdict_->clear();
  }
}

bool ResidualsView::showModel(const QString& label) {
  const int i = models_->findText(label);
  if (i < 0) return false;
  models_->setCurrentIndex(i);
  showFit(run_->fits[static_cast<std::size_t>(i)]);
  return true;
}

void ResidualsView::applyPalette() {
  ChartPalette::apply(*residualChart_->chart(), palette());
  ChartPalette::apply(*acfChart_->chart(), palette());
}

void ResidualsView::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyPalette();
}

QString ResidualsView::currentModel() const { return models_->currentText(); }
QString ResidualsView::verdictText() const { return verdict_->text(); }

QString ResidualsView::verdict(const stats::LjungBoxResult& r) {
  const NumberFormat f;
  const QString p = f.pValue(r.pValue);
  const QString head = tr("Ljung-Box Q = %1 on %2 df (lag %3, %4 residuals), p %5: ")
                           .arg(f.fixed(r.statistic, 2))
                           .arg(r.df)
                           .arg(r.lag)
                           .arg(f.integer(r.n))
                           .arg(p.startsWith(QLatin1Char('<')) ? p : QStringLiteral("= ") + p);
  if (!std::isfinite(r.pValue)) return head + tr("undefined (the residuals do not vary).");
  if (r.pValue < 0.05)
    return head + tr("the residuals are autocorrelated (p < 0.05): the model leaves pattern in the data "
                     "unexplained, and its intervals may be too narrow.");
  return head + tr("no evidence of autocorrelation left in the residuals (p ≥ 0.05): they look like white noise.");
}

void ResidualsView::showFit(const FullFit& fit) {
  residualChart_->clearLines();
  acfChart_->chart()->removeAllSeries();
  if (!fit.ok) {
    verdict_->setText(tr("%1 could not be fitted on the whole series: %2")
                          .arg(QString::fromStdString(fit.label), QString::fromStdString(fit.error)));
    return;
  }
  TimeSeries residuals = run_->series;
  residuals.name = tr("residual").toStdString();
  residuals.values = fit.residuals;
  residualChart_->addLine(tr("residual"), residuals, ChartPalette::seriesColor(0));
  residualChart_->setTitle(tr("Residuals of %1 (actual − fitted)").arg(QString::fromStdString(fit.label)));

  // Autocorrelations up to the test's lag, with the ±1.96/√n band.
  const Eigen::VectorXd x = finitePart(fit.residuals);
  const int lag = fit.ljungBox ? fit.ljungBox->lag : defaultAcfMaxLag(x.size());
  const Eigen::VectorXd r = autocorrelation(x, lag);
  const double band = x.size() > 0 ? 1.96 / std::sqrt(static_cast<double>(x.size())) : 0.0;
  const Eigen::VectorXd lags = r.size() > 1 ? Eigen::VectorXd(r.tail(r.size() - 1)) : Eigen::VectorXd();
  Correlogram::fill(*acfChart_->chart(), tr("Autocorrelation of residuals (band ±%1)").arg(NumberFormat().fixed(band, 3)),
                    lags, band, defaultSeasonalPeriod(run_->series.frequency));

  applyPalette();
  verdict_->setText(fit.ljungBox ? verdict(*fit.ljungBox)
                                 : tr("Ljung-Box test not run: %1").arg(QString::fromStdString(fit.ljungBoxNote)));
}

}  // namespace foresight::ui
