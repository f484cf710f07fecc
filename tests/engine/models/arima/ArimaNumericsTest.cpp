// The numerical pieces of the ARIMA family against R 4.2: optim's BFGS and
// optimHess, the AR/MA parameter maps, the initial state covariance
// (getQ0), the Kalman filter (its shortcuts against a plain dense filter)
// and KalmanForecast, and the KPSS statistic. R's numbers are written here.
#include <QtTest/QtTest>
#include <cmath>

#include "TestSupport.h"
#include "engine/models/arima/ArimaKalmanFilter.h"
#include "engine/models/arima/ArimaParameters.h"
#include "engine/models/arima/ArimaStateSpace.h"
#include "engine/models/arima/StationaryCovariance.h"
#include "engine/models/optim/Bfgs.h"
#include "engine/models/stats/DifferencingTests.h"
#include "engine/models/stats/KpssTest.h"

using namespace foresight;
using namespace foresight::arima;

namespace {
// R's fr: 100 * (x2 - x1 * x1)^2 + (1 - x1)^2, with ^2 evaluated as a square.
double rosenbrock(const double* x) {
  const double a = x[1] - x[0] * x[0], b = 1 - x[0];
  return 100 * (a * a) + b * b;
}

// R's KalmanLike on dense T, V, Z (h = 0): the plain filter the shortcuts
// of ArimaKalmanFilter must agree with.
KalmanSums denseFilter(const ArimaStateSpace& m0, const Eigen::VectorXd& y) {
  const int rd = m0.rd(), r = m0.r(), d = m0.d();
  Eigen::MatrixXd T = Eigen::MatrixXd::Zero(rd, rd), P = Eigen::Map<const Eigen::MatrixXd>(m0.Pn.data(), rd, rd);
  Eigen::VectorXd Z = Eigen::VectorXd::Zero(rd), R = Eigen::VectorXd::Zero(rd), a = Eigen::VectorXd::Zero(rd);
  for (int i = 0; i < rd; ++i) Z[i] = i == 0 ? 1.0 : (i >= r ? m0.delta[static_cast<std::size_t>(i - r)] : 0.0);
  for (int i = 0; i < static_cast<int>(m0.phi.size()); ++i) T(i, 0) = m0.phi[i];
  for (int i = 1; i < r; ++i) T(i - 1, i) = 1;
  if (d > 0) {
    T.row(r) = Z.transpose();
    for (int i = 1; i < d; ++i) T(r + i, r + i - 1) = 1;
  }
  for (int i = 0; i < r; ++i) R[i] = i == 0 ? 1.0 : m0.theta[static_cast<std::size_t>(i - 1)];
  const Eigen::MatrixXd V = R * R.transpose();
  KalmanSums s;
  for (Eigen::Index t = 0; t < y.size(); ++t) {
    const Eigen::VectorXd anew = T * a;
    if (t > 0) P = T * P * T.transpose() + V;
    const Eigen::VectorXd M = P * Z;
    const double gain = Z.dot(M), resid = y[t] - Z.dot(anew);
    if (gain < 1e4) {
      ++s.used;
      s.ssq += resid * resid / gain;
      s.sumLog += std::log(gain);
    }
    a = anew + M * resid / gain;
    P = P - M * M.transpose() / gain;
  }
  return s;
}
}  // namespace

class ArimaNumericsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // optim(c(-1.2, 1), fr, method = "BFGS"): same path, same counts.
  void bfgsFollowsROptim() {
    const auto r = optim::Bfgs::minimize(rosenbrock, {-1.2, 1.0});
    QCOMPARE(r.status, optim::BfgsStatus::Converged);
    FORESIGHT_COMPARE_NEAR(r.x[0], 0.99980443323139745, 1e-9);
    FORESIGHT_COMPARE_NEAR(r.x[1], 0.99960838062348123, 1e-9);
    FORESIGHT_COMPARE_NEAR(r.value, 3.8273827561079511e-08, 1e-6);
    QCOMPARE(r.functionCount, 118);
    QCOMPARE(r.gradientCount, 38);
  }

  void bfgsHonoursParscale() {
    optim::BfgsOptions o;
    o.parscale = {2.0, 0.5};
    const auto r = optim::Bfgs::minimize(rosenbrock, {-1.2, 1.0}, o);
    FORESIGHT_COMPARE_NEAR(r.x[0], 0.99918946797823327, 1e-9);
    FORESIGHT_COMPARE_NEAR(r.x[1], 0.99837951499901156, 1e-9);
    QCOMPARE(r.functionCount, 95);
    QCOMPARE(r.gradientCount, 37);
  }

  void bfgsStopsOnNonFiniteStart() {
    const auto r = optim::Bfgs::minimize([](const double*) { return std::nan(""); }, {1.0});
    QCOMPARE(r.status, optim::BfgsStatus::NonFiniteStart);
  }

  // optimHess(r$par, fr).
  void hessianFollowsROptimHess() {
    std::vector<double> h;
    QVERIFY(optim::Bfgs::hessian(rosenbrock, {0.99980443323139745, 0.99960838062348123}, {}, h));
    FORESIGHT_COMPARE_NEAR(h[0], 801.68813340155748, 1e-9);
    FORESIGHT_COMPARE_NEAR(h[1], -399.92177329254457, 1e-9);
    FORESIGHT_COMPARE_NEAR(h[2], -399.92177329254457, 1e-9);
    FORESIGHT_COMPARE_NEAR(h[3], 199.99999999998923, 1e-9);
  }

  // ARIMA_undoPars / ARIMA_Invtrans for an AR(3).
  void arTransformsMatchR() {
    const ArimaOrder o{3, 0, 0, 0, 0, 0, 1};
    const auto undone = undoTransform(o, {0.5, -0.3, 1.2});
    FORESIGHT_COMPARE_NEAR(undone[0], 0.83959181505114111, 1e-14);
    FORESIGHT_COMPARE_NEAR(undone[1], -0.78878575657223582, 1e-14);
    FORESIGHT_COMPARE_NEAR(undone[2], 0.83365460701215521, 1e-14);
    const auto inv = inverseTransform(o, {0.5, -0.3, 0.2});
    FORESIGHT_COMPARE_NEAR(inv[0], 0.39925384810888587, 1e-14);
    FORESIGHT_COMPARE_NEAR(inv[1], -0.21142842541001677, 1e-14);
    FORESIGHT_COMPARE_NEAR(inv[2], 0.20273255405408219, 1e-14);
    const auto back = undoTransform(o, inv);
    FORESIGHT_COMPARE_NEAR(back[0], 0.5, 1e-13);
    FORESIGHT_COMPARE_NEAR(back[2], 0.2, 1e-13);
    QVERIFY(arIsStationary(undone.data(), 3));
    const double explosive[] = {1.2};
    QVERIFY(!arIsStationary(explosive, 1));
  }

  // (1 - 0.5B)(1 - 0.8B^4) expands to 1 - 0.5B - 0.8B^4 + 0.4B^5.
  void seasonalPolynomialsExpand() {
    const ArimaOrder o{1, 0, 1, 1, 0, 1, 4};
    const double par[] = {0.5, 0.3, 0.8, -0.6};
    double scratch[4], phi[5], theta[5];
    expandPolynomials(o, par, false, scratch, phi, theta);
    const double wantPhi[] = {0.5, 0, 0, 0.8, -0.4}, wantTheta[] = {0.3, 0, 0, -0.6, -0.18};
    for (int i = 0; i < 5; ++i) {
      QCOMPARE(phi[i], wantPhi[i]);
      FORESIGHT_COMPARE_NEAR(theta[i], wantTheta[i], 1e-15);
    }
  }

  // arima()'s maInvert.
  void maRootsAreReflectedAsR() {
    auto a = invertMa({2.5, 1.0});
    FORESIGHT_COMPARE_NEAR(a[0], 0.99999999999999989, 1e-12);
    FORESIGHT_COMPARE_NEAR(a[1], 0.24999999999999994, 1e-12);
    a = invertMa({-1.5, 0.3, 0.0});
    FORESIGHT_COMPARE_NEAR(a[0], -1.02982733404208715, 1e-12);
    FORESIGHT_COMPARE_NEAR(a[1], 0.18826230851010045, 1e-12);
    QCOMPARE(a[2], 0.0);
    QCOMPARE(invertMa({2.0})[0], 0.5);
    QCOMPARE(invertMa({0.5, 0.2})[0], 0.5);  // already invertible: unchanged
  }

  // makeARIMA(c(0.5, -0.2), 0.4, numeric())$Pn and makeARIMA(numeric(), c(0.4, 0.2), ...)$Pn,
  // by both methods.
  void initialCovarianceMatchesGetQ0() {
    StationaryCovariance sc;
    const double phi[] = {0.5, -0.2}, theta[] = {0.4};
    double g[4], a[4];
    sc.gardner(phi, 2, theta, 1, g);
    sc.fromAutocovariances(phi, 2, theta, 1, a);
    const double want[] = {1.8823529411764706, 0.17647058823529410, 0.1764705882352941, 0.23529411764705888};
    for (int i = 0; i < 4; ++i) {
      FORESIGHT_COMPARE_NEAR(g[i], want[i], 1e-14);
      FORESIGHT_COMPARE_NEAR(a[i], want[i], 1e-12);
    }
    const double ma[] = {0.4, 0.2};
    double m[9], b[9];
    sc.gardner(nullptr, 0, ma, 2, m);
    sc.fromAutocovariances(nullptr, 0, ma, 2, b);
    const double wantMa[] = {1.2, 0.48, 0.2, 0.48, 0.2, 0.08, 0.2, 0.08, 0.04};
    for (int i = 0; i < 9; ++i) {
      FORESIGHT_COMPARE_NEAR(m[i], wantMa[i], 1e-14);
      FORESIGHT_COMPARE_NEAR(b[i], wantMa[i], 1e-12);
    }
  }

  // Large seasonal states switch methods; both agree on a seasonal ARMA.
  void covarianceMethodsAgreeOnSeasonalModels() {
    const ArimaOrder o{2, 0, 1, 1, 0, 1, 12};
    const double par[] = {0.4, 0.2, -0.3, 0.7, -0.4};
    std::vector<double> phi(static_cast<std::size_t>(o.arLength())), theta(static_cast<std::size_t>(o.maLength()));
    double scratch[5];
    expandPolynomials(o, par, false, scratch, phi.data(), theta.data());
    const int r = std::max(o.arLength(), o.maLength() + 1);
    std::vector<double> g(static_cast<std::size_t>(r * r)), a(g.size());
    StationaryCovariance sc;
    sc.gardner(phi.data(), o.arLength(), theta.data(), o.maLength(), g.data());
    sc.fromAutocovariances(phi.data(), o.arLength(), theta.data(), o.maLength(), a.data());
    for (std::size_t i = 0; i < g.size(); ++i) QVERIFY(test::near(a[i], g[i], 1e-9, 1e-12));
  }

  // The filter's shortcuts (ARMA block after the diffuse start, frozen gain
  // once converged) against R's plain recursion on dense matrices.
  void kalmanShortcutsAgreeWithDenseFilter() {
    Eigen::VectorXd y(120);
    for (Eigen::Index t = 0; t < y.size(); ++t)
      y[t] = 100 + 0.8 * static_cast<double>(t) + 10 * std::sin(static_cast<double>(t) * 2 * M_PI / 12) +
             3 * std::cos(static_cast<double>(t * t % 17));
    const ArimaOrder o{1, 1, 1, 0, 1, 1, 12};
    const double par[] = {0.3, -0.4, -0.6};
    std::vector<double> phi(1), theta(static_cast<std::size_t>(o.maLength()));
    double scratch[3];
    expandPolynomials(o, par, false, scratch, phi.data(), theta.data());
    ArimaStateSpace m = makeStateSpace(phi, theta, differencingPolynomial(1, 1, 12), 1e6);
    const KalmanSums want = denseFilter(m, y);
    const KalmanSums got = ArimaKalmanFilter().run(y.data(), static_cast<int>(y.size()), m, 0);
    QCOMPARE(got.used, want.used);
    FORESIGHT_COMPARE_NEAR(got.ssq, want.ssq, 1e-9);
    FORESIGHT_COMPARE_NEAR(got.sumLog, want.sumLog, 1e-9);
  }

  // KalmanForecast(3, mod) for an AR(1) with phi 0.6 from state 2.
  void kalmanForecastMatchesR() {
    ArimaStateSpace m = makeStateSpace({0.6}, {}, {}, 1e6);
    m.a = {2.0};
    m.P = {0.0};
    double mean[3], var[3];
    kalmanForecast(m, 3, mean, var);
    FORESIGHT_COMPARE_NEAR(mean[0], 1.2, 1e-15);
    FORESIGHT_COMPARE_NEAR(mean[2], 0.432, 1e-15);
    FORESIGHT_COMPARE_NEAR(var[1], 1.36, 1e-15);
    FORESIGHT_COMPARE_NEAR(var[2], 1.4896, 1e-15);
  }

  // (1 - B)(1 - B^12) = 1 - B - B^12 + B^13.
  void differencingPolynomialAsR() {
    const auto delta = differencingPolynomial(1, 1, 12);
    QCOMPARE(delta.size(), std::size_t{13});
    QCOMPARE(delta[0], 1.0);
    QCOMPARE(delta[11], 1.0);
    QCOMPARE(delta[12], -1.0);
    for (int i = 1; i < 11; ++i) QCOMPARE(delta[static_cast<std::size_t>(i)], 0.0);
  }

  // urca::ur.kpss(x, "mu", use.lag = trunc(3 sqrt(12) / 13)) and forecast::ndiffs(x).
  void kpssMatchesUrca() {
    Eigen::VectorXd x(12);
    x << 3.1, 2.7, 4.5, 5.2, 4.8, 6.1, 7.3, 6.9, 8.2, 9.0, 8.7, 10.1;
    const auto k = stats::kpssLevelTest(x, stats::kpssDefaultLags(x.size()));
    FORESIGHT_COMPARE_NEAR(k.statistic, 1.1635248581022848, 1e-12);
    QCOMPARE(k.pValue, 0.01);
    QCOMPARE(stats::kpssDifferences(x), 1);
  }

  // forecast::is.constant: all.equal's tolerance.
  void isConstantUsesAllEqualTolerance() {
    Eigen::VectorXd a(3), b(3);
    a << 1, 1 + 1e-10, 1;
    b << 1, 1 + 1e-7, 1;
    QVERIFY(stats::isConstant(a));
    QVERIFY(!stats::isConstant(b));
    QVERIFY(stats::isConstant(Eigen::VectorXd::Zero(5)));
  }
};

QTEST_GUILESS_MAIN(ArimaNumericsTest)
#include "ArimaNumericsTest.moc"
