// ensemble: each way of combining against its members' own forecasts,
// dropped and refused members, updates (all or none), model files.
#include <QtTest/QtTest>

#include <cmath>

#include "ModelTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ensemble/EnsembleForecaster.h"

using foresight::Date;
using foresight::EnsembleForecaster;
using foresight::Forecast;
using foresight::Forecaster;
using foresight::Frequency;
using foresight::InputError;
using foresight::ModelArtifact;
using foresight::ModelFactory;
using foresight::TimeSeries;
using foresight::test::airPassengers;

namespace {
std::unique_ptr<Forecaster> fitted(const std::string& spec, const TimeSeries& y) {
  auto m = ModelFactory::create(spec);
  m->fit(y);
  return m;
}

const EnsembleForecaster& asEnsemble(const Forecaster& m) { return dynamic_cast<const EnsembleForecaster&>(m); }

std::string artifactText(const Forecaster& m) {
  return ModelArtifact::toText(ModelArtifact::build({&m}, false, [] { return std::string("2024-01-01T00:00:00Z"); }));
}

QString errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

bool near(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && (a - b).cwiseAbs().maxCoeff() <= 1e-9 * (1 + b.cwiseAbs().maxCoeff());
}

TimeSeries withNewer(const TimeSeries& y, std::initializer_list<double> v) {
  Eigen::VectorXd values(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double x : v) values[i++] = x;
  return TimeSeries{y.name, y.frequency, foresight::advancePeriod(y.frequency, y.end(), 1), values};
}
}  // namespace

class EnsembleTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void meanAveragesForecastsAndBounds() {
    const TimeSeries y = airPassengers();
    const auto e = fitted("ensemble(members=naive+mean+drift)", y);
    const Forecast f = e->forecast(12, {80, 95});
    const Forecast a = fitted("naive", y)->forecast(12, {80, 95}), b = fitted("mean", y)->forecast(12, {80, 95}),
                   c = fitted("drift", y)->forecast(12, {80, 95});
    QVERIFY(near(f.mean, (a.mean + b.mean + c.mean) / 3));
    QVERIFY(near(f.lower, (a.lower + b.lower + c.lower) / 3));
    QVERIFY(near(f.upper, (a.upper + b.upper + c.upper) / 3));
    QVERIFY(near(asEnsemble(*e).weights(), Eigen::Vector3d::Constant(1.0 / 3)));
  }

  void medianTakesTheMiddleMember() {
    const TimeSeries y = airPassengers();
    const auto e = fitted("ensemble(members=naive+mean+drift+snaive;combine=median)", y);
    const Forecast f = e->forecast(12, {95});
    std::vector<Forecast> m;
    for (const char* s : {"naive", "mean", "drift", "snaive"}) m.push_back(fitted(s, y)->forecast(12, {95}));
    for (Eigen::Index t = 0; t < 12; ++t) {
      std::vector<double> v, lo;
      for (const auto& x : m) {
        v.push_back(x.mean[t]);
        lo.push_back(x.lower(t, 0));
      }
      std::sort(v.begin(), v.end());
      std::sort(lo.begin(), lo.end());
      FORESIGHT_COMPARE_NEAR(f.mean[t], (v[1] + v[2]) / 2, 1e-12);
      FORESIGHT_COMPARE_NEAR(f.lower(t, 0), (lo[1] + lo[2]) / 2, 1e-12);
    }
  }

  void inverseErrorWeightsByInSampleMse() {
    const TimeSeries y = airPassengers();
    const auto e = fitted("ensemble(members=naive+mean;combine=inverse_error)", y);
    // naive has no residual at the first observation: both are scored from the second on.
    const Eigen::VectorXd rn = fitted("naive", y)->residuals().tail(143), rm = fitted("mean", y)->residuals().tail(143);
    const double wn = 1 / rn.squaredNorm(), wm = 1 / rm.squaredNorm();
    const Eigen::VectorXd& w = asEnsemble(*e).weights();
    FORESIGHT_COMPARE_NEAR(w[0], wn / (wn + wm), 1e-12);
    FORESIGHT_COMPARE_NEAR(w[1], wm / (wn + wm), 1e-12);
    QVERIFY(w[0] > 0.9);  // the random walk fits AirPassengers far better
    const Forecast f = e->forecast(6, {80});
    const Forecast a = fitted("naive", y)->forecast(6, {80}), b = fitted("mean", y)->forecast(6, {80});
    QVERIFY(near(f.mean, w[0] * a.mean + w[1] * b.mean));
    QVERIFY(near(f.upper, w[0] * a.upper + w[1] * b.upper));
    QCOMPARE(e->params().at("members")[0].at("weight").get<double>(), w[0]);
  }

  void aMemberThatFailsIsDroppedWithAWarning() {
    const TimeSeries y = foresight::test::makeSeries({5, 6, 7, 6, 8, 9, 8, 10});
    const auto e = fitted("ensemble(members=naive+holt_winters(period=12))", y);
    QCOMPARE(asEnsemble(*e).members().size(), std::size_t{1});
    QVERIFY(e->warnings().size() == 1 && e->warnings()[0].find("member holt_winters(period=12) dropped") != std::string::npos);
    QCOMPARE(e->params().at("dropped")[0].at("spec").get<std::string>(), std::string("holt_winters(period=12)"));
    QVERIFY(e->forecast(4, {80}).mean == fitted("naive", y)->forecast(4, {80}).mean);
    // The dropped member stays dropped through a model file.
    const std::string text = artifactText(*e);
    QCOMPARE(artifactText(*ModelArtifact::parse(text, "m.json").models[0]), text);
  }
  void everyMemberFailingIsAnInputError() {
    const TimeSeries y = foresight::test::makeSeries({5, 6, 7});
    const QString e = errorOf([&] { (void)fitted("ensemble(members=holt_winters(period=12)+holt_winters(period=4))", y); });
    QVERIFY2(e.contains(QStringLiteral("no member could be fitted")) && e.contains(QStringLiteral("holt_winters(period=4)")),
             qPrintable(e));
  }
  void membersAreCheckedWhenTheSpecIs() {
    QVERIFY(errorOf([] { (void)ModelFactory::create("ensemble(members=ets+nosuch)"); }).contains(QStringLiteral("unknown model")));
    QVERIFY(errorOf([] { (void)ModelFactory::create("ensemble(members=ets(trend=Q)+theta)"); })
                .contains(QStringLiteral("members")));
    const auto m = ModelFactory::create("ensemble(members=ets(error=A,trend=N)+theta(method=classic); combine=median)");
    m->fit(airPassengers());
    QCOMPARE(asEnsemble(*m).members().size(), std::size_t{2});
    QCOMPARE(m->params().at("members")[0].at("spec").get<std::string>(), std::string("ets(error=A,trend=N)"));
  }

  void updateDelegatesToEveryMember() {
    const TimeSeries y = airPassengers();
    auto e = fitted("ensemble(members=ets+theta;combine=inverse_error)", y);
    auto a = fitted("ets", y), b = fitted("theta", y);
    const TimeSeries newer = withNewer(y, {440, 420, 470});
    e->update(newer);
    a->update(newer);
    b->update(newer);
    const Eigen::VectorXd& w = asEnsemble(*e).weights();
    const Forecast f = e->forecast(12, {95});
    QVERIFY(near(f.mean, w[0] * a->forecast(12, {95}).mean + w[1] * b->forecast(12, {95}).mean));
    QCOMPARE(f.start, *Date::fromYmd(1961, 4, 1));
  }
  void aRefusedUpdateChangesNoMember() {
    const TimeSeries y = airPassengers();
    auto e = fitted("ensemble(members=naive+ets(error=M,trend=N,season=N))", y);
    const std::string before = artifactText(*e);
    const QString error = errorOf([&] { e->update(withNewer(y, {430, -5})); });
    QVERIFY2(!error.isEmpty(), "a multiplicative member took a negative value");
    QCOMPARE(artifactText(*e), before);
  }

  void modelFilesNestTheMembers() {
    const TimeSeries y = airPassengers();
    auto e = fitted("ensemble", y);  // ets + auto_arima + theta
    QCOMPARE(asEnsemble(*e).members().size(), std::size_t{3});
    e->update(withNewer(y, {440, 420}));
    const std::string text = artifactText(*e);
    const auto j = nlohmann::json::parse(text);
    QCOMPARE(j["state"]["model"]["members"][1]["spec"].get<std::string>(), std::string("auto_arima"));
    QVERIFY(j["state"]["model"]["members"][1]["state"].contains("model"));
    auto loaded = ModelArtifact::parse(text, "m.json");
    QCOMPARE(artifactText(*loaded.models[0]), text);
    const Forecast a = e->forecast(24, {80, 95}), b = loaded.models[0]->forecast(24, {80, 95});
    QVERIFY(a.mean == b.mean && a.lower == b.lower && a.upper == b.upper);
    auto broken = j;
    broken["state"]["model"]["members"].erase(1);
    QVERIFY(errorOf([&] { (void)ModelArtifact::parse(broken.dump(), "m.json"); })
                .contains(QStringLiteral("the state does not hold the configured member")));
    broken = j;
    broken["state"]["model"]["members"][0]["state"]["model"] = nlohmann::json::object();
    QVERIFY(errorOf([&] { (void)ModelArtifact::parse(broken.dump(), "m.json"); })
                .contains(QStringLiteral("state.model.members[0].state")));
  }

  void degenerateInputGivesFiniteForecasts_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QVector<double>>("values");
    QTest::newRow("constant") << QStringLiteral("ensemble") << QVector<double>(40, 3.0);
    QTest::newRow("zeros") << QStringLiteral("ensemble(combine=inverse_error)") << QVector<double>(40, 0.0);
    QTest::newRow("one value") << QStringLiteral("ensemble(combine=median)") << QVector<double>{7};
    QTest::newRow("three values") << QStringLiteral("ensemble(members=ets+theta+calendar_regression+mstl)") << QVector<double>{1, 3, 2};
    QTest::newRow("missing inside") << QStringLiteral("ensemble") << QVector<double>{4, 5, std::nan(""), 7, 6, 8, 7, 9};
  }
  void degenerateInputGivesFiniteForecasts() {
    QFETCH(QString, spec);
    QFETCH(QVector<double>, values);
    const TimeSeries y{"d", Frequency::Monthly, *Date::fromYmd(2020, 1, 1),
                       Eigen::Map<const Eigen::VectorXd>(values.data(), values.size())};
    const Forecast f = fitted(spec.toStdString(), y)->forecast(12, {80, 95});
    QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
    QVERIFY((f.lower.col(1).array() <= f.mean.array() + 1e-9).all());
  }
};

QTEST_GUILESS_MAIN(EnsembleTest)
#include "EnsembleTest.moc"
