// The ETS building blocks against R: Nelder-Mead as optim(), the admissible
// region as forecast's admissible() (polyroot), starting states as
// initstate() / decompose(), and the filter's recursions by hand.
#include <QtTest/QTest>
#include <Eigen/Eigenvalues>
#include <cmath>
#include <random>

#include "EtsTestData.h"
#include "TestSupport.h"
#include "engine/models/ets/EtsEstimator.h"
#include "engine/models/ets/EtsFilter.h"
#include "engine/models/ets/EtsInitialState.h"
#include "engine/models/ets/EtsParameterSpace.h"
#include "engine/models/ets/PolynomialRoots.h"
#include "engine/models/optim/NelderMead.h"

using namespace foresight;
using nlohmann::json;

class EtsNumericsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { reference_ = test::etsReference(); }
  void nelderMeadFollowsROptim_data();
  void nelderMeadFollowsROptim();
  void nelderMeadReportsAnInvalidStart();
  void schurCohnAgreesWithEigenvalues();
  void admissibleRegionMatchesR();
  void initialStatesMatchR_data();
  void initialStatesMatchR();
  void filterFollowsTheRecursionsByHand();
  void dampedForecastsSumThePowersOfPhi();
  void startingAlphaFollowsTheRVersion();

 private:
  json reference_;
};

void EtsNumericsTest::nelderMeadFollowsROptim_data() {
  QTest::addColumn<QString>("key");
  QTest::addColumn<int>("maxit");
  QTest::newRow("converges") << QStringLiteral("rosenbrock") << 500;
  QTest::newRow("evaluation limit") << QStringLiteral("rosenbrock_maxit50") << 50;
}

void EtsNumericsTest::nelderMeadFollowsROptim() {
  QFETCH(QString, key);
  QFETCH(int, maxit);
  const json& r = reference_["nelder_mead"][key.toStdString()];
  auto rosenbrock = [](const double* x) { return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2); };
  optim::NelderMeadOptions options;
  options.maxEvaluations = maxit;
  const auto result = optim::NelderMead::minimize(rosenbrock, {-1.2, 1.0}, options);
  // Same steps as R: same evaluation count, same point to rounding.
  QCOMPARE(result.evaluations, r["count"].get<int>());
  FORESIGHT_COMPARE_NEAR(result.x[0], r["par"][0].get<double>(), 1e-10);
  FORESIGHT_COMPARE_NEAR(result.x[1], r["par"][1].get<double>(), 1e-10);
  FORESIGHT_COMPARE_NEAR(result.value, r["value"].get<double>(), 1e-8);
  QCOMPARE(result.status == optim::NelderMeadStatus::EvaluationLimit, r["convergence"].get<int>() == 1);
}

void EtsNumericsTest::nelderMeadReportsAnInvalidStart() {
  auto nan = [](const double*) { return std::nan(""); };
  const auto result = optim::NelderMead::minimize(nan, {1.0, 2.0});
  QVERIFY(result.status == optim::NelderMeadStatus::InvalidStart);
  QCOMPARE(result.evaluations, 1);
}

void EtsNumericsTest::schurCohnAgreesWithEigenvalues() {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> coef(-1.5, 1.5);
  int inside = 0, checked = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int degree = 1 + trial % 25;
    std::vector<double> c(static_cast<std::size_t>(degree) + 1);
    for (double& v : c) v = coef(rng) / (1 + trial % 3);
    c.back() = 1;
    // Bounded size: no heap, so the eigen solver's buffers are never null.
    using Companion = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, 25, 25>;
    Companion companion = Companion::Zero(degree, degree);
    for (int i = 0; i < degree; ++i) companion(0, i) = -c[static_cast<std::size_t>(degree - 1 - i)];
    if (degree > 1) companion.block(1, 0, degree - 1, degree - 1).setIdentity();
    const Eigen::EigenSolver<Companion> solver(companion, false);
    double largest = 0;
    for (Eigen::Index i = 0; i < degree; ++i) largest = std::max(largest, std::abs(solver.eigenvalues()[i]));
    if (std::fabs(largest - 1) < 1e-6) continue;  // too close to call for either method
    ++checked;
    const bool expected = largest < 1;
    inside += expected ? 1 : 0;
    QVERIFY2(polynomialRootsWithin(c.data(), degree, 1.0) == expected,
             qPrintable(QStringLiteral("degree %1, largest root %2").arg(degree).arg(largest, 0, 'g', 10)));
  }
  QVERIFY(inside > 100 && checked - inside > 100);  // both outcomes exercised
}

void EtsNumericsTest::admissibleRegionMatchesR() {
  int agreed = 0, admissibleCount = 0;
  for (const json& a : reference_["admissible"]) {
    const bool seasonal = !a["gamma"].is_null();
    const int m = a["m"];
    const EtsForm form{EtsError::Additive, EtsTrend::Additive, seasonal ? EtsSeason::Additive : EtsSeason::None, true};
    const EtsParameterSpace space(form, m, EtsBounds::Admissible, {0, 0, 0, 0}, {1, 1, 1, 1});
    const EtsParameters p{a["alpha"], a["beta"], seasonal ? a["gamma"].get<double>() : 0.0, a["phi"]};
    const bool expected = a["admissible"];
    admissibleCount += expected ? 1 : 0;
    QVERIFY2(space.admissible(p) == expected,
             qPrintable(QStringLiteral("alpha %1 beta %2 gamma %3 phi %4 m %5: R says %6")
                            .arg(p.alpha).arg(p.beta).arg(p.gamma).arg(p.phi).arg(m).arg(expected)));
    ++agreed;
  }
  QCOMPARE(agreed, 400);
  QVERIFY(admissibleCount > 50 && admissibleCount < 350);
}

void EtsNumericsTest::initialStatesMatchR_data() {
  QTest::addColumn<QString>("key");
  QTest::addColumn<QString>("values");
  QTest::addColumn<int>("length");
  QTest::addColumn<int>("period");
  QTest::addColumn<QString>("form");
  QTest::newRow("decompose, multiplicative") << "air_passengers_AM" << "air_passengers" << 144 << 12 << "MAM";
  QTest::newRow("decompose, additive") << "air_passengers_NA" << "air_passengers" << 144 << 12 << "ANA";
  QTest::newRow("decompose, trend") << "us_acc_deaths_AA" << "us_acc_deaths" << 72 << 12 << "AAA";
  QTest::newRow("Fourier, multiplicative") << "short_fourier_AM" << "air_passengers" << 18 << 12 << "MAM";
  QTest::newRow("Fourier, additive") << "short_fourier_NA" << "air_passengers" << 18 << 12 << "ANA";
  QTest::newRow("no season") << "johnson_johnson_NN" << "johnson_johnson" << 84 << 4 << "MNN";
}

void EtsNumericsTest::initialStatesMatchR() {
  QFETCH(QString, key);
  QFETCH(QString, values);
  QFETCH(int, length);
  QFETCH(int, period);
  QFETCH(QString, form);
  std::vector<double> y = reference_["series"][values.toStdString()]["values"];
  y.resize(static_cast<std::size_t>(length));
  const std::vector<double> ours = EtsInitialState::estimate(y, *EtsForm::parse(form.toStdString()), period);
  const std::vector<double> r = reference_["initstate"][key.toStdString()];
  QCOMPARE(ours.size(), r.size());
  for (std::size_t i = 0; i < r.size(); ++i)
    QVERIFY2(test::near(ours[i], r[i], 1e-10, 1e-12),
             qPrintable(QStringLiteral("state %1: %2, R %3").arg(i).arg(ours[i], 0, 'g', 15).arg(r[i], 0, 'g', 15)));
}

void EtsNumericsTest::filterFollowsTheRecursionsByHand() {
  // ETS(M,Ad,A) with m = 2, two steps computed on paper.
  const EtsForm form{EtsError::Multiplicative, EtsTrend::Additive, EtsSeason::Additive, true};
  EtsFilter filter(form, 2);
  const double x0[] = {10.0, 1.0, 0.5, -0.5};  // l, b, s1 (newest), s2 (due next)
  filter.setState(x0);
  const EtsParameters p{0.5, 0.1, 0.2, 0.9};
  const double y[] = {12.0, 11.0};
  double e[2], f[2];
  const EtsPass pass = filter.run(y, 2, p, 1, e, f);
  // Step 1: f = l + phi b + s2 = 10.4; level = q + alpha (y - s2 - q) with q = 10.9.
  QCOMPARE(f[0], 10.4);
  FORESIGHT_COMPARE_NEAR(e[0], (12.0 - 10.4) / 10.4, 1e-15);
  const double l1 = 10.9 + 0.5 * (12.5 - 10.9), b1 = 0.9 + 0.2 * ((l1 - 10.0) - 0.9);
  const double s1new = -0.5 + 0.2 * ((12.0 - 10.9) + 0.5);
  // Step 2 uses s1 = 0.5 (now the oldest).
  const double q2 = l1 + 0.9 * b1;
  FORESIGHT_COMPARE_NEAR(f[1], q2 + 0.5, 1e-15);
  const std::vector<double> x = filter.state();
  const double l2 = q2 + 0.5 * (11.0 - 0.5 - q2);
  FORESIGHT_COMPARE_NEAR(x[0], l2, 1e-15);
  FORESIGHT_COMPARE_NEAR(x[1], 0.9 * b1 + 0.2 * ((l2 - l1) - 0.9 * b1), 1e-14);
  FORESIGHT_COMPARE_NEAR(x[2], 0.5 + 0.2 * ((11.0 - q2) - 0.5), 1e-15);
  FORESIGHT_COMPARE_NEAR(x[3], s1new, 1e-15);
  const double sse = e[0] * e[0] + e[1] * e[1];
  FORESIGHT_COMPARE_NEAR(pass.lik, 2 * std::log(sse) + 2 * (std::log(f[0]) + std::log(f[1])), 1e-14);
}

void EtsNumericsTest::dampedForecastsSumThePowersOfPhi() {
  const EtsForm form{EtsError::Additive, EtsTrend::Additive, EtsSeason::None, true};
  EtsFilter filter(form, 1);
  const double x0[] = {100.0, 2.0};
  filter.setState(x0);
  double f[4];
  filter.forecast(0.8, 4, f);
  double sum = 0, power = 1;
  for (int h = 0; h < 4; ++h) {
    power *= 0.8;
    sum += power;
    FORESIGHT_COMPARE_NEAR(f[h], 100.0 + sum * 2.0, 1e-14);
  }
}

void EtsNumericsTest::startingAlphaFollowsTheRVersion() {
  // initparam() with R's default bounds: forecast >= 8.3 starts at
  // lower + 0.2 (upper - lower) / m; forecast 8.2 at
  // max(lower + 0.5 (upper - lower) / m, lower_beta + 2e-3).
  const std::array<double, 4> lower{1e-4, 1e-4, 1e-4, 0.8}, upper{0.9999, 0.9999, 0.9999, 0.98};
  const EtsForm ses{EtsError::Additive, EtsTrend::None, EtsSeason::None, false};
  const EtsForm seasonal{EtsError::Additive, EtsTrend::Additive, EtsSeason::Additive, false};
  const auto alpha = [&](EtsForm form, int m, EtsAlphaStart start) {
    return EtsEstimator::startingValues(form, m, EtsFixed{}, lower, upper, EtsBounds::Both, start).alpha;
  };
  FORESIGHT_COMPARE_NEAR(alpha(ses, 1, EtsAlphaStart::Current), 1e-4 + 0.2 * 0.9998, 1e-15);
  FORESIGHT_COMPARE_NEAR(alpha(ses, 1, EtsAlphaStart::Forecast82), 1e-4 + 0.5 * 0.9998, 1e-15);
  FORESIGHT_COMPARE_NEAR(alpha(seasonal, 12, EtsAlphaStart::Current), 1e-4 + 0.2 * 0.9998 / 12, 1e-15);
  FORESIGHT_COMPARE_NEAR(alpha(seasonal, 12, EtsAlphaStart::Forecast82), 1e-4 + 0.5 * 0.9998 / 12, 1e-15);
  // With m large the 8.2 rule's floor, lower_beta + 2e-3, takes over.
  FORESIGHT_COMPARE_NEAR(alpha(seasonal, 1000, EtsAlphaStart::Forecast82), 1e-4 + 2e-3, 1e-15);
}

QTEST_GUILESS_MAIN(EtsNumericsTest)
#include "EtsNumericsTest.moc"
