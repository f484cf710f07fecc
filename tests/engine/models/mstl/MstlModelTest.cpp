// The mstl model beyond R's numbers: default periods by frequency and
// length, dropped periods, the seasonal naive continuation across updates,
// model files, and degenerate input.
#include <QtTest/QtTest>

#include <cmath>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/mstl/MstlForecaster.h"

using foresight::Date;
using foresight::Forecast;
using foresight::Forecaster;
using foresight::Frequency;
using foresight::InputError;
using foresight::ModelArtifact;
using foresight::ModelFactory;
using foresight::MstlForecaster;
using foresight::TimeSeries;

namespace {
// Level 100, a weekly pattern, a yearly wave and a little deterministic noise.
TimeSeries daily(Eigen::Index n, Date start = *Date::fromYmd(2020, 1, 6)) {
  static const double week[7] = {-12, -5, 0, 3, 6, 20, -12};
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    v[i] = 100 + week[i % 7] + 15 * std::sin(2 * M_PI * t / 365) + 2 * std::sin(2.3 * t * t);
  }
  return TimeSeries{"daily", Frequency::Daily, start, v};
}

std::unique_ptr<Forecaster> fitted(const std::string& spec, const TimeSeries& y) {
  auto m = ModelFactory::create(spec);
  m->fit(y);
  return m;
}

const MstlForecaster& asMstl(const Forecaster& m) { return dynamic_cast<const MstlForecaster&>(m); }

std::string artifactText(const Forecaster& m) {
  return ModelArtifact::toText(ModelArtifact::build({&m}, false, [] { return std::string("2024-01-01T00:00:00Z"); }));
}

bool hasWarning(const Forecaster& m, const std::string& part) {
  for (const auto& w : m.warnings())
    if (w.find(part) != std::string::npos) return true;
  return false;
}
}  // namespace

class MstlModelTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void defaultPeriodsFollowFrequencyAndLength() {
    QCOMPARE(asMstl(*fitted("mstl", daily(800))).periods(), (std::vector<int>{7, 365}));
    QCOMPARE(asMstl(*fitted("mstl", daily(600))).periods(), (std::vector<int>{7}));
    TimeSeries monthly{"m", Frequency::Monthly, *Date::fromYmd(2000, 1, 1), daily(48).values};
    QCOMPARE(asMstl(*fitted("mstl", monthly)).periods(), (std::vector<int>{12}));
    TimeSeries yearly{"y", Frequency::Yearly, *Date::fromYmd(2000, 1, 1), daily(20).values};
    const auto none = fitted("mstl", yearly);
    QVERIFY(asMstl(*none).periods().empty());
    QVERIFY(none->warnings().empty());
  }

  void aPeriodTooLongForTheDataIsDroppedWithAWarning() {
    // 730 days: 365 is not below half of them (R's mstl drops it too).
    const auto m = fitted("mstl(periods=7+365)", daily(730));
    QCOMPARE(asMstl(*m).periods(), (std::vector<int>{7}));
    QVERIFY(hasWarning(*m, "seasonal period 365 dropped: it needs more than 730 observations (has 730)"));
  }

  void withoutPeriodsItIsTheNonSeasonalEts() {
    const TimeSeries y = daily(300);
    const auto m = fitted("mstl(periods=none)", y);
    const auto ets = fitted("ets(season=N)", y);
    const Forecast a = m->forecast(10, {80}), b = ets->forecast(10, {80});
    QVERIFY(a.mean == b.mean && a.lower == b.lower && a.upper == b.upper);
  }

  void seasonsContinueAcrossAnUpdate() {
    // Fit on 400 days, update with 3 more: the seasonal part of the forecast
    // (forecast less the adjusted model's) continues the cycle from the new end.
    const TimeSeries all = daily(403);
    auto m = fitted("mstl(periods=7)", all.head(400));
    const auto seasonal = [&m](int h) {
      return Eigen::VectorXd(m->forecast(h, {}).mean - asMstl(*m).adjustedModel().forecast(h, {}).mean);
    };
    const Eigen::VectorXd before = seasonal(10);
    m->update(TimeSeries{"daily", Frequency::Daily, all.dateAt(400), all.values.tail(3)});
    const Eigen::VectorXd after = seasonal(7);
    QCOMPARE(m->forecast(1, {}).start, all.dateAt(403));
    QVERIFY((after - before.segment(3, 7)).cwiseAbs().maxCoeff() < 1e-12);
    // And its shape is the data's: the top day is the one with the +20 in
    // the pattern (position 5 of the cycle).
    Eigen::Index top = 0;
    after.maxCoeff(&top);
    QCOMPARE((403 + top) % 7, Eigen::Index{5});
  }

  void modelFilesRoundTripAfterUpdates() {
    const TimeSeries all = daily(820);
    auto m = fitted("mstl(method=arima)", all.head(800));
    m->update(TimeSeries{"daily", Frequency::Daily, all.dateAt(800), all.values.tail(20)});
    const std::string text = artifactText(*m);
    auto loaded = ModelArtifact::parse(text, "m.json");
    QCOMPARE(artifactText(*loaded.models[0]), text);
    const Forecast a = m->forecast(30, {80, 95}), b = loaded.models[0]->forecast(30, {80, 95});
    QVERIFY(a.mean == b.mean && a.lower == b.lower && a.upper == b.upper);
  }

  void refusesAStateThatContradictsTheSpec() {
    const auto m = fitted("mstl(periods=7)", daily(100));
    auto j = nlohmann::json::parse(artifactText(*m));
    j["state"]["model"]["seasons"][0]["last_cycle"].erase(0);
    try {
      (void)ModelArtifact::parse(j.dump(), "m.json");
      QFAIL("loaded a cut cycle");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("state.model.seasons[0].last_cycle") != std::string::npos, e.what());
    }
    j = nlohmann::json::parse(artifactText(*m));
    j["spec"]["method"] = "arima";
    try {
      (void)ModelArtifact::parse(j.dump(), "m.json");
      QFAIL("loaded an ETS state as ARIMA");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("does not match the spec's method=arima") != std::string::npos, e.what());
    }
  }

  void degenerateInputGivesFiniteForecasts_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QVector<double>>("values");
    QVector<double> constant(60, 7.5), zeros(60, 0.0), spiky(60, 0.0);
    spiky[10] = 1e6;
    QTest::newRow("constant") << QStringLiteral("mstl") << constant;
    QTest::newRow("zeros") << QStringLiteral("mstl") << zeros;
    QTest::newRow("one spike") << QStringLiteral("mstl(robust=true)") << spiky;
    QTest::newRow("one value") << QStringLiteral("mstl") << QVector<double>{42};
    QTest::newRow("three values") << QStringLiteral("mstl(method=arima)") << QVector<double>{1, 2, 3};
    QTest::newRow("two weeks") << QStringLiteral("mstl(periodic=true)") << QVector<double>(15, 3.0);
    QTest::newRow("missing inside") << QStringLiteral("mstl") << QVector<double>{5, 6, std::nan(""), 8, 5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8};
  }
  void degenerateInputGivesFiniteForecasts() {
    QFETCH(QString, spec);
    QFETCH(QVector<double>, values);
    const TimeSeries y{"d", Frequency::Daily, *Date::fromYmd(2021, 3, 1),
                       Eigen::Map<const Eigen::VectorXd>(values.data(), values.size())};
    const auto m = fitted(spec.toStdString(), y);
    const Forecast f = m->forecast(21, {80, 95});
    QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
    QVERIFY((f.lower.col(1).array() <= f.upper.col(1).array()).all());
  }
  void constantDataForecastTheConstant() {
    const TimeSeries y{"c", Frequency::Daily, *Date::fromYmd(2021, 3, 1), Eigen::VectorXd::Constant(60, 7.5)};
    const Forecast f = fitted("mstl", y)->forecast(14, {95});
    QVERIFY((f.mean.array() - 7.5).abs().maxCoeff() < 1e-9);
  }

  void specValuesAreChecked() {
    try {
      (void)ModelFactory::create("mstl(periods=5)");
      QFAIL("accepted an unknown period list");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("7+365") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(MstlModelTest)
#include "MstlModelTest.moc"
