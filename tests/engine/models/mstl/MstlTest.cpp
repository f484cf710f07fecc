// mstl against R's forecast::mstl() and forecast() of it (= stlf): the
// decomposition, the ETS and ARIMA forecasts of the adjusted series with
// their intervals; default periods, fallbacks, updates and model files.
#include <QtTest/QtTest>

#include "MstlReference.h"
#include "TestSupport.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/mstl/MstlDecomposition.h"
#include "engine/models/mstl/MstlForecaster.h"

using foresight::Date;
using foresight::Forecast;
using foresight::Forecaster;
using foresight::Frequency;
using foresight::ModelFactory;
using foresight::MstlDecomposition;
using foresight::MstlForecaster;
using foresight::MstlOptions;
using foresight::TimeSeries;
using foresight::test::maxRelativeError;
using foresight::test::referenceCase;
using foresight::test::vectorOf;

namespace {
TimeSeries seriesOf(const nlohmann::json& c) {
  const bool daily = c.at("name").get<std::string>().rfind("Adventure Works", 0) == 0;
  return TimeSeries{"s", daily ? Frequency::Daily : Frequency::Monthly,
                    daily ? *Date::fromYmd(2015, 1, 1) : *Date::fromYmd(1973, 1, 1), vectorOf(c.at("x"))};
}

// Means and 80/95% bounds against R's forecast(mstl(x)): 8.2e-12 relative
// at most (measured over the ten cases; compareForecast prints each), asserted
// at the smallest power of ten at least three times that (docs/models.md).
constexpr double kForecastTol = 1e-10;
// Decomposition components: 2.8e-15 of the data's scale at most (each case
// prints its own), asserted at 1e-14.
constexpr double kComponentTol = 1e-14;

MstlOptions optionsOf(const nlohmann::json& c) {
  MstlOptions o;
  for (const auto& p : c.at("periods")) o.periods.push_back(static_cast<int>(p.get<double>()));
  const auto& a = c.at("args");
  if (a.contains("s.window")) o.seasonalWindows = {a.at("s.window").get<int>()};
  if (a.contains("robust")) o.robust = a.at("robust").get<bool>();
  return o;
}

// The spec that asks for what the R case did.
std::string specOf(const nlohmann::json& c, const std::string& method) {
  std::string periods;
  for (const auto& p : c.at("periods")) periods += (periods.empty() ? "" : "+") + std::to_string(static_cast<int>(p.get<double>()));
  std::string spec = "mstl(periods=" + periods + ",method=" + method;
  const auto& a = c.at("args");
  if (a.contains("s.window")) spec += ",s_window=" + std::to_string(a.at("s.window").get<int>());
  if (a.contains("robust")) spec += ",robust=true";
  return spec + ")";
}

std::unique_ptr<Forecaster> fitted(const std::string& spec, const TimeSeries& y) {
  auto m = ModelFactory::create(spec);
  m->fit(y);
  return m;
}

// The form R's method string names: "STL +  ETS(A,A,N)" -> "A,A,N".
std::string etsForm(const std::string& method) {
  const auto open = method.find("ETS(");
  return open == std::string::npos ? "" : method.substr(open, method.find(')', open) - open + 1);
}

void compareForecast(const Forecast& f, const nlohmann::json& r, double tol) {
  qInfo() << "max relative error of the mean and bounds"
          << std::max({maxRelativeError(f.mean, vectorOf(r.at("mean"))),
                       maxRelativeError(f.lower.col(0), vectorOf(r.at("lower80"))),
                       maxRelativeError(f.upper.col(0), vectorOf(r.at("upper80"))),
                       maxRelativeError(f.lower.col(1), vectorOf(r.at("lower95"))),
                       maxRelativeError(f.upper.col(1), vectorOf(r.at("upper95")))});
  QVERIFY2(maxRelativeError(f.mean, vectorOf(r.at("mean"))) <= tol,
           qPrintable(QStringLiteral("mean off by %1").arg(maxRelativeError(f.mean, vectorOf(r.at("mean"))))));
  QVERIFY2(maxRelativeError(f.lower.col(0), vectorOf(r.at("lower80"))) <= tol, "lower 80");
  QVERIFY2(maxRelativeError(f.upper.col(0), vectorOf(r.at("upper80"))) <= tol, "upper 80");
  QVERIFY2(maxRelativeError(f.lower.col(1), vectorOf(r.at("lower95"))) <= tol, "lower 95");
  QVERIFY2(maxRelativeError(f.upper.col(1), vectorOf(r.at("upper95"))) <= tol, "upper 95");
}

void addCaseRows() {
  QTest::addColumn<QString>("name");
  for (const auto& c : foresight::test::mstlReference().at("mstl")) {
    const auto name = c.at("name").get<std::string>();
    QTest::newRow(name.c_str()) << QString::fromStdString(name);
  }
}
}  // namespace

class MstlTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void decompositionMatchesR_data() { addCaseRows(); }
  void decompositionMatchesR() {
    QFETCH(QString, name);
    const auto& c = referenceCase("mstl", name.toStdString());
    const Eigen::VectorXd x = vectorOf(c.at("x"));
    const MstlDecomposition d(x, optionsOf(c));
    const double scale = x.cwiseAbs().maxCoeff();
    QCOMPARE(d.seasonals().size(), c.at("seasonal").size());
    double seasonal = 0;
    for (std::size_t i = 0; i < d.periods().size(); ++i) {
      const auto& r = c.at("seasonal").at(std::to_string(d.periods()[i]));
      seasonal = std::max(seasonal, (d.seasonals()[i] - vectorOf(r)).cwiseAbs().maxCoeff() / scale);
    }
    const double trend = maxRelativeError(d.trend(), vectorOf(c.at("trend")));
    const double remainder = (d.remainder() - vectorOf(c.at("remainder"))).cwiseAbs().maxCoeff() / scale;
    qInfo("differences from R: seasonal %.3g, trend %.3g, remainder %.3g (of the data's scale)", seasonal, trend,
          remainder);
    QVERIFY2(seasonal <= kComponentTol, "seasonal");
    QVERIFY2(trend <= kComponentTol, "trend");
    QVERIFY2(remainder <= kComponentTol, "remainder");
  }

  void etsForecastMatchesR_data() { addCaseRows(); }
  void etsForecastMatchesR() {
    QFETCH(QString, name);
    const auto& c = referenceCase("mstl", name.toStdString());
    const auto model = fitted(specOf(c, "ets"), seriesOf(c));
    const auto& mstl = dynamic_cast<const MstlForecaster&>(*model);
    QCOMPARE(QString::fromStdString(mstl.adjustedModel().params().at("form").get<std::string>()),
             QString::fromStdString(etsForm(c.at("ets").at("method"))));
    const Forecast f = model->forecast(c.at("h").get<int>(), {80, 95});
    compareForecast(f, c.at("ets"), kForecastTol);
    QVERIFY2(maxRelativeError(model->fitted(), vectorOf(c.at("ets").at("fitted"))) <= 1e-9, "fitted");
  }

  void arimaForecastMatchesR_data() { addCaseRows(); }
  void arimaForecastMatchesR() {
    QFETCH(QString, name);
    const auto& c = referenceCase("mstl", name.toStdString());
    const auto model = fitted(specOf(c, "arima"), seriesOf(c));
    const Forecast f = model->forecast(c.at("h").get<int>(), {80, 95});
    QVERIFY(QString::fromStdString(c.at("arima").at("method").get<std::string>())
                .endsWith(QString::fromStdString(
                    dynamic_cast<const MstlForecaster&>(*model).adjustedModel().params().at("model").get<std::string>())));
    compareForecast(f, c.at("arima"), kForecastTol);
  }
};

QTEST_GUILESS_MAIN(MstlTest)
#include "MstlTest.moc"
