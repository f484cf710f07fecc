#include "ui/models/ResidualsView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>  // std::isfinite, std::sqrt

#include "engine/models/decomposition/Autocorrelation.h"
#include "ui/charts/ChartPalette.h"
#include "ui/models/ForecastChartView.h"

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
      residualChart_(new QChartView(new QChart, this)),
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
  residualChart_->setRenderHint(QPainter::Antialiasing);
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
    residualChart_->chart()->removeAllSeries();
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
  const QString head = tr("Ljung-Box Q = %1 on %2 df (lag %3, %4 residuals), p %5: ")
                           .arg(r.statistic, 0, 'f', 2)
                           .arg(r.df)
                           .arg(r.lag)
                           .arg(r.n)
                           .arg(r.pValue < 1e-4 ? QStringLiteral("< 0.0001") : QStringLiteral("= ") + QString::number(r.pValue, 'f', 4));
  if (!std::isfinite(r.pValue)) return head + tr("undefined (the residuals do not vary).");
  if (r.pValue < 0.05)
    return head + tr("the residuals are autocorrelated (p < 0.05): the model leaves pattern in the data "
                     "unexplained, and its intervals may be too narrow.");
  return head + tr("no evidence of autocorrelation left in the residuals (p ≥ 0.05): they look like white noise.");
}

void ResidualsView::showFit(const FullFit& fit) {
  QChart* chart = residualChart_->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* a : chart->axes()) {
    chart->removeAxis(a);
    delete a;  // removeAxis gives ownership back
  }
  acfChart_->chart()->removeAllSeries();
  for (QAbstractAxis* a : acfChart_->chart()->axes()) {
    acfChart_->chart()->removeAxis(a);
    delete a;
  }
  if (!fit.ok) {
    verdict_->setText(tr("%1 could not be fitted on the whole series: %2")
                          .arg(QString::fromStdString(fit.label), QString::fromStdString(fit.error)));
    return;
  }
  auto* line = new QLineSeries;
  line->setName(tr("residual"));
  for (Eigen::Index i = 0; i < fit.residuals.size(); ++i)
    if (std::isfinite(fit.residuals[i]))
      line->append(ForecastChartView::xOf(run_->series.dateAt(i)), fit.residuals[i]);
  chart->addSeries(line);
  auto* dates = new QDateTimeAxis;
  dates->setFormat(QStringLiteral("yyyy-MM-dd"));
  auto* values = new QValueAxis;
  chart->addAxis(dates, Qt::AlignBottom);
  chart->addAxis(values, Qt::AlignLeft);
  line->attachAxis(dates);
  line->attachAxis(values);
  values->applyNiceNumbers();
  chart->legend()->hide();
  chart->setTitle(tr("Residuals of %1 (actual − fitted)").arg(QString::fromStdString(fit.label)));

  // Autocorrelations up to the test's lag, with the ±1.96/√n band.
  const Eigen::VectorXd x = finitePart(fit.residuals);
  const int lag = fit.ljungBox ? fit.ljungBox->lag : defaultAcfMaxLag(x.size());
  const Eigen::VectorXd r = autocorrelation(x, lag);
  auto* set = new QBarSet(tr("ACF"));
  QStringList lags;
  for (Eigen::Index k = 1; k < r.size(); ++k) {
    *set << r[k];
    lags << QString::number(k);
  }
  auto* bars = new QBarSeries;
  bars->append(set);
  QChart* acf = acfChart_->chart();
  acf->addSeries(bars);
  auto* xAxis = new QBarCategoryAxis;
  xAxis->append(lags);
  auto* yAxis = new QValueAxis;
  const double band = x.size() > 0 ? 1.96 / std::sqrt(static_cast<double>(x.size())) : 0.0;
  double top = band;
  for (Eigen::Index k = 1; k < r.size(); ++k)
    if (std::isfinite(r[k])) top = std::max(top, std::fabs(r[k]));
  yAxis->setRange(-1.1 * top, 1.1 * top);
  acf->addAxis(xAxis, Qt::AlignBottom);
  acf->addAxis(yAxis, Qt::AlignLeft);
  bars->attachAxis(xAxis);
  bars->attachAxis(yAxis);
  acf->setTitle(tr("Autocorrelation of residuals (band ±%1)").arg(band, 0, 'f', 3));
  acf->legend()->hide();

  applyPalette();
  verdict_->setText(fit.ljungBox ? verdict(*fit.ljungBox)
                                 : tr("Ljung-Box test not run: %1").arg(QString::fromStdString(fit.ljungBoxNote)));
}

}  // namespace foresight::ui
