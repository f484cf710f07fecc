// ETS state: update() runs the filter over newer data with the parameters
// kept, exactly as filtering the longer series would; save -> load gives
// identical forecasts and identical artifact text; corrupt state is refused.
#include <QtTest/QTest>
#include <cmath>

#include "EtsTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ets/EtsFilter.h"
#include "engine/models/ets/EtsForecaster.h"

using namespace foresight;
using nlohmann::json;

namespace {
TimeSeries airPassengers(Eigen::Index from, Eigen::Index count) {
  const std::vector<double> v = test::etsReference()["series"]["air_passengers"]["values"];
  const Eigen::Map<const Eigen::VectorXd> all(v.data(), static_cast<Eigen::Index>(v.size()));
  return TimeSeries{"AirPassengers", Frequency::Monthly, advancePeriod(Frequency::Monthly, *Date::fromYmd(1949, 1, 1), static_cast<int>(from)),
                    all.segment(from, count)};
}

void expectSameForecast(const Forecast& a, const Forecast& b) {
  QCOMPARE(a.start, b.start);
  QVERIFY(a.mean == b.mean);
  QVERIFY(a.lower == b.lower);
  QVERIFY(a.upper == b.upper);
}

const char* const kSpecs[] = {"ets",
                              "ets(error=A,trend=N,season=N)",
                              "ets(error=A,trend=Ad,season=A)",
                              "ets(error=M,trend=A,season=M,damped=false)",
                              "ets(error=M,trend=Ad,season=N)",
                              "ses",
                              "holt_damped",
                              "holt_winters(seasonal=multiplicative)"};
}  // namespace

class EtsStateTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void updateEqualsFilteringTheLongerSeries_data();
  void updateEqualsFilteringTheLongerSeries();
  void updateRefusesNonPositiveValuesForMultiplicativeForms();
  void saveLoadRestoresTheModel_data();
  void saveLoadRestoresTheModel();
  void shortAndConstantSeriesRoundTrip();
  void corruptStateIsRefused();
};

void EtsStateTest::updateEqualsFilteringTheLongerSeries_data() {
  QTest::addColumn<QString>("spec");
  for (const char* spec : kSpecs) QTest::newRow(spec) << QString::fromLatin1(spec);
}

void EtsStateTest::updateEqualsFilteringTheLongerSeries() {
  QFETCH(QString, spec);
  auto model = ModelFactory::create(spec.toStdString());
  model->fit(airPassengers(0, 120));
  const json before = model->params();
  model->update(airPassengers(110, 34));  // overlaps 10 seen months, adds 24
  QCOMPARE(model->info().n, 144);
  QCOMPARE(model->info().end, *Date::fromYmd(1960, 12, 1));
  QVERIFY(model->params()["alpha"] == before["alpha"]);  // no refit

  // The same filter over all 144 values from the fitted initial state.
  const auto& ets = dynamic_cast<const EtsForecaster&>(*model);
  const EtsModel& m = ets.model();
  EtsFilter filter(m.form, m.period);
  filter.setState(m.initialState.data());
  const std::vector<double> all = test::etsReference()["series"]["air_passengers"]["values"];
  std::vector<double> fitted(all.size());
  filter.run(all.data(), static_cast<int>(all.size()), m.params, 1, nullptr, fitted.data());
  const std::vector<double> state = filter.state();
  QCOMPARE(m.finalState.size(), state.size());
  for (std::size_t i = 0; i < state.size(); ++i) QCOMPARE(m.finalState[i], state[i]);
  // Fitted values still describe the training data, and equal the filter's.
  QCOMPARE(model->fitted().size(), Eigen::Index{120});
  for (Eigen::Index i = 0; i < 120; ++i) QCOMPARE(model->fitted()[i], fitted[static_cast<std::size_t>(i)]);

  const Forecast f = model->forecast(12, {80, 95});
  QCOMPARE(f.start, *Date::fromYmd(1961, 1, 1));
  QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
}

void EtsStateTest::updateRefusesNonPositiveValuesForMultiplicativeForms() {
  auto model = ModelFactory::create("ets(error=M,trend=N,season=N)");
  model->fit(airPassengers(0, 120));
  TimeSeries newer = airPassengers(120, 3);
  newer.values[1] = 0;
  bool threw = false;
  try {
    model->update(newer);
  } catch (const InputError& e) {
    const QString message = QString::fromStdString(e.what());
    threw = message.contains(QStringLiteral("1959-02-01")) && message.contains(QStringLiteral("positive"));
  }
  QVERIFY(threw);
  QCOMPARE(model->info().n, 120);  // nothing was absorbed
  QVERIFY(model->forecast(1, {95}).mean.allFinite());
}

void EtsStateTest::saveLoadRestoresTheModel_data() {
  QTest::addColumn<QString>("spec");
  for (const char* spec : kSpecs) QTest::newRow(spec) << QString::fromLatin1(spec);
}

void EtsStateTest::saveLoadRestoresTheModel() {
  QFETCH(QString, spec);
  auto model = ModelFactory::create(spec.toStdString());
  model->fit(airPassengers(0, 144));
  const ArtifactClock clock = [] { return std::string("2024-01-01T00:00:00Z"); };
  const std::string text = ModelArtifact::toText(ModelArtifact::build({model.get()}, false, clock));
  ModelArtifact::Loaded loaded = ModelArtifact::parse(text, "memory");
  QCOMPARE(loaded.models.size(), std::size_t{1});
  const Forecaster& back = *loaded.models[0];
  expectSameForecast(back.forecast(30, {50, 80, 95}), model->forecast(30, {50, 80, 95}));
  QVERIFY(back.params()["form"] == model->params()["form"]);
  QCOMPARE(back.statistics().aicc, model->statistics().aicc);
  QCOMPARE(ModelArtifact::toText(ModelArtifact::build({&back}, false, clock)), text);

  // The loaded model updates like the original.
  auto& restored = *loaded.models[0];
  restored.update(TimeSeries{"AirPassengers", Frequency::Monthly, *Date::fromYmd(1961, 1, 1), Eigen::VectorXd::Constant(3, 450.0)});
  model->update(TimeSeries{"AirPassengers", Frequency::Monthly, *Date::fromYmd(1961, 1, 1), Eigen::VectorXd::Constant(3, 450.0)});
  expectSameForecast(restored.forecast(6, {95}), model->forecast(6, {95}));
}

void EtsStateTest::shortAndConstantSeriesRoundTrip() {
  const std::vector<std::vector<double>> cases = {{112, 118, 132, 129, 121}, std::vector<double>(30, 4.0), {9.0}};
  for (const auto& v : cases) {
    auto model = ModelFactory::create("ets");
    model->fit(TimeSeries{"s", Frequency::Monthly, *Date::fromYmd(2020, 1, 1),
                          Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()))});
    const std::string text = ModelArtifact::toText(ModelArtifact::build({model.get()}, false));
    ModelArtifact::Loaded loaded = ModelArtifact::parse(text, "memory");
    expectSameForecast(loaded.models[0]->forecast(8, {80, 95}), model->forecast(8, {80, 95}));
  }
}

void EtsStateTest::corruptStateIsRefused() {
  auto model = ModelFactory::create("ets(error=M,trend=A,season=M,damped=false)");
  model->fit(airPassengers(0, 144));
  const json good = ModelArtifact::build({model.get()}, false);
  const std::pair<std::string, json> corruptions[] = {
      {"form", "MXM"}, {"period", 1}, {"state", json::array({1.0, 2.0})}, {"sigma2", -1.0}, {"alpha", 0.0},
      {"origin", "guessed"}};
  for (const auto& [key, value] : corruptions) {
    json bad = good;
    bad["state"]["model"][key] = value;
    bool threw = false;
    try {
      ModelArtifact::parse(ModelArtifact::toText(bad), "model.json");
    } catch (const InputError& e) {
      threw = QString::fromStdString(e.what()).contains(QString::fromStdString(key)) &&
              QString::fromStdString(e.what()).contains(QStringLiteral("model.json"));
      if (!threw) qWarning("%s", e.what());
    }
    QVERIFY2(threw, key.c_str());
  }
}

QTEST_GUILESS_MAIN(EtsStateTest)
#include "EtsStateTest.moc"
