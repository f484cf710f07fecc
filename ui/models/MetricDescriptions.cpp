#include "ui/models/MetricDescriptions.h"

namespace foresight::ui {

namespace {

QString levelText(const MetricKey& key) { return QString::fromStdString(formatLevel(key.level)); }

}  // namespace

QString MetricDescriptions::title(const MetricKey& key) {
  switch (key.metric) {
    case Metric::MAE: return QStringLiteral("MAE");
    case Metric::RMSE: return QStringLiteral("RMSE");
    case Metric::MAPE: return QStringLiteral("MAPE");
    case Metric::SMAPE: return QStringLiteral("sMAPE");
    case Metric::MASE: return QStringLiteral("MASE");
    case Metric::RMSSE: return QStringLiteral("RMSSE");
    case Metric::R2: return QStringLiteral("R²");
    case Metric::Bias: return QStringLiteral("Bias");
    case Metric::Coverage: return QStringLiteral("Coverage %1%").arg(levelText(key));
    case Metric::Winkler: return QStringLiteral("Winkler %1%").arg(levelText(key));
    case Metric::Pinball: return QStringLiteral("Pinball %1%").arg(levelText(key));
  }
  return QString::fromStdString(key.label());
}

QString MetricDescriptions::direction(const MetricKey& key) {
  switch (key.metric) {
    case Metric::R2: return QStringLiteral("higher is better");
    case Metric::Bias: return QStringLiteral("closer to 0 is better");
    case Metric::Coverage: return QStringLiteral("closer to %1% is better").arg(levelText(key));
    default: return QStringLiteral("lower is better");
  }
}

QString MetricDescriptions::describe(const MetricKey& key) {
  QString what;
  switch (key.metric) {
    case Metric::MAE:
      what = QStringLiteral("Mean absolute error: the average size of a miss, in the series' units.");
      break;
    case Metric::RMSE:
      what = QStringLiteral("Root mean squared error: like MAE but punishes large misses more, in the series' units.");
      break;
    case Metric::MAPE:
      what = QStringLiteral("Mean absolute percentage error: the average miss as a percentage of the actual. "
                            "Undefined (n/a) when an actual is zero, e.g. a day without sales.");
      break;
    case Metric::SMAPE:
      what = QStringLiteral("Symmetric MAPE: the miss relative to the mean of actual and forecast, between 0% "
                            "and 200%; defined with zero actuals unless both are zero.");
      break;
    case Metric::MASE:
      what = QStringLiteral("Mean absolute scaled error: MAE divided by the in-sample error of the seasonal naive "
                            "forecast. Below 1 beats repeating last season; comparable across series.");
      break;
    case Metric::RMSSE:
      what = QStringLiteral("Root mean squared scaled error: RMSE divided by the seasonal naive's in-sample RMSE "
                            "(the M5 competition's measure).");
      break;
    case Metric::R2:
      what = QStringLiteral("Share of the actuals' variance the forecasts explain (1 is perfect).");
      break;
    case Metric::Bias:
      what = QStringLiteral("Mean of actual minus forecast: positive means the model forecasts too low.");
      break;
    case Metric::Coverage:
      what = QStringLiteral("Share of actuals inside the %1% prediction interval. Well calibrated intervals "
                            "cover about %1%; less means overconfident, more means too wide.")
                 .arg(levelText(key));
      break;
    case Metric::Winkler:
      what = QStringLiteral("Winkler (interval) score of the %1% interval: its width plus a penalty for every "
                            "actual outside it. Rewards intervals that are narrow and still cover.")
                 .arg(levelText(key));
      break;
    case Metric::Pinball:
      what = QStringLiteral("Pinball (quantile) loss of the %1% interval's bounds.").arg(levelText(key));
      break;
  }
  return what + QStringLiteral(" Mean over folds; %1.").arg(direction(key));
}

}  // namespace foresight::ui
