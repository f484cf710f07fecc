// Reconciliation against a base-R implementation (textbook MinT algebra,
// hts::MinT's shrinkage, top-down and middle-out as the papers define them)
// on the Adventure Works territory hierarchy: R's ets forecasts, the history
// (built here from ../shared/data, as the script's input was) and
// one-step errors go into both; every method's reconciled forecast agrees
// to 1e-9. Then coherence for every method, non-negativity, and refusals.
#include <QtTest/QtTest>

#include <Eigen/Cholesky>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "Coherence.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/hierarchy/Reconciler.h"

using namespace foresight;

namespace {

struct Reference {
  std::vector<std::string> order;  // node names as R wrote them
  std::map<std::string, std::map<std::string, std::vector<double>>> values;  // node -> kind -> by pos
};

Reference readReference() {
  Reference ref;
  std::ifstream in(test::sourceDir() / "tests/engine/hierarchy/territory_reconciliation_reference.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    // Node names hold no comma; the value is the last field.
    const std::size_t c3 = line.rfind(','), c2 = line.rfind(',', c3 - 1), c1 = line.rfind(',', c2 - 1);
    const std::string node = line.substr(0, c1), kind = line.substr(c1 + 1, c2 - c1 - 1);
    const auto pos = static_cast<std::size_t>(std::stoi(line.substr(c2 + 1, c3 - c2 - 1)));
    auto& v = ref.values[node][kind];
    if (v.size() <= pos) v.resize(pos + 1);
    v[pos] = std::stod(line.substr(c3 + 1));
    if (kind == "base" && pos == 0) ref.order.push_back(node);
  }
  return ref;
}

Eigen::MatrixXd matrixOf(const Reference& ref, const Hierarchy& h, const std::string& kind) {
  const std::size_t cols = ref.values.at("Total").at(kind).size();
  Eigen::MatrixXd m(h.size(), static_cast<Eigen::Index>(cols));
  for (int i = 0; i < h.size(); ++i) {
    const auto& v = ref.values.at(h.nodes()[static_cast<std::size_t>(i)].name).at(kind);
    for (std::size_t k = 0; k < cols; ++k) m(i, static_cast<Eigen::Index>(k)) = v[k];
  }
  return m;
}


}  // namespace

class ReconcilerTest : public QObject {
  Q_OBJECT
  Reference ref_;
  Hierarchy h_;
  ReconcileInputs inputs_;

 private Q_SLOTS:
  void initTestCase() {
    ref_ = readReference();
    QCOMPARE(ref_.order.size(), std::size_t(20));
    std::vector<std::vector<std::string>> bottom;
    for (const auto& name : ref_.order) {
      auto parts = Hierarchy::splitPath(name);
      if (parts.size() == 3) bottom.push_back(parts);
    }
    h_ = Hierarchy::fromPaths({"region", "country", "territory"}, bottom);
    // R sorted each level's nodes by path in the C locale: the same order.
    for (int i = 0; i < h_.size(); ++i) QCOMPARE(h_.nodes()[static_cast<std::size_t>(i)].name, ref_.order[i]);
    inputs_.base = matrixOf(ref_, h_, "base");
    // The history: the last 365 days of each node, built from the export as
    // the R script's input was (data series --hierarchy territory).
    const auto dir = test::sharedData("adventureworks");
    QVERIFY2(!dir.empty(), "../shared/data/adventureworks is missing");
    const HierarchicalPanel aw = HierarchicalSeries::build(DataSourceLoader::loadOne(dir.string(), {}), SeriesRequest{},
                                                           *HierarchicalSeries::parseLevels("territory"));
    QCOMPARE(aw.hierarchy.toJson(), h_.toJson());
    inputs_.history.resize(h_.size(), 365);
    for (int i = 0; i < h_.size(); ++i) inputs_.history.row(i) = aw.panel.series[static_cast<std::size_t>(i)].values.tail(365);
    inputs_.residuals = matrixOf(ref_, h_, "residual");
    QCOMPARE(inputs_.base.cols(), Eigen::Index(28));
    QCOMPARE(inputs_.history.cols(), Eigen::Index(365));
  }

  void everyMethodMatchesR_data() {
    QTest::addColumn<QString>("method");
    for (const ReconcileMethod m : allReconcileMethods()) {
      const std::string name(reconcileMethodName(m));
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
  }
  void everyMethodMatchesR() {
    QFETCH(QString, method);
    ReconcileOptions options;
    options.method = *parseReconcileMethod(method.toStdString());
    options.middleDepth = 2;  // the country level, as the R script
    const ReconcileResult r = Reconciler::reconcile(h_, inputs_, options);
    const Eigen::MatrixXd expected = matrixOf(ref_, h_, method.toStdString());
    // Relative to each value, with a floor of 1e-9 of the total's scale for
    // values near zero (a territory's share in a bad week).
    const double floor = 1e-9 * expected.row(0).cwiseAbs().maxCoeff();
    double worst = 0;
    for (Eigen::Index i = 0; i < expected.rows(); ++i)
      for (Eigen::Index s = 0; s < expected.cols(); ++s) {
        worst = std::max(worst, std::abs(r.mean(i, s) - expected(i, s)) / std::max(std::abs(expected(i, s)), 1e-300));
        QVERIFY2(test::near(r.mean(i, s), expected(i, s), 1e-9, floor),
                 qPrintable(QStringLiteral("%1 %2 step %3: %4 vs R %5")
                                .arg(method, QString::fromStdString(h_.nodes()[static_cast<std::size_t>(i)].name))
                                .arg(s + 1)
                                .arg(r.mean(i, s), 0, 'g', 17)
                                .arg(expected(i, s), 0, 'g', 17)));
      }
    if (method == QLatin1String("mint_shrink")) {
      QVERIFY(r.lambda.has_value());
      QVERIFY(test::near(*r.lambda, ref_.values.at("Total").at("lambda")[0], 1e-9));
    }
    QVERIFY(test::incoherence(h_, r.mean) < 1e-12);
    qInfo("%s: worst relative difference from R %.3g, incoherence %.3g", qPrintable(method), worst,
          test::incoherence(h_, r.mean));
  }

  // Gaussian reconciled intervals, against R's S G W_h G' S' with W_h =
  // D_h R D_h (R's ets 95% intervals for D_h, the shrunk error correlation).
  void reconciledStandardDeviationsMatchR_data() {
    QTest::addColumn<QString>("method");
    for (const char* m : {"bottom_up", "ols", "wls_struct", "wls_var", "mint_shrink"}) QTest::newRow(m) << m;
  }
  void reconciledStandardDeviationsMatchR() {
    QFETCH(QString, method);
    ReconcileInputs in = inputs_;
    in.baseSd = matrixOf(ref_, h_, "base_sd");
    ReconcileOptions options;
    options.method = *parseReconcileMethod(method.toStdString());
    const ReconcileResult r = Reconciler::reconcile(h_, in, options);
    const Eigen::MatrixXd expected = matrixOf(ref_, h_, method.toStdString() + "_sd");
    QCOMPARE(r.sd.rows(), expected.rows());
    QCOMPARE(r.sd.cols(), expected.cols());
    double worst = 0;
    for (Eigen::Index i = 0; i < expected.rows(); ++i)
      for (Eigen::Index s = 0; s < expected.cols(); ++s) {
        worst = std::max(worst, std::abs(r.sd(i, s) - expected(i, s)) / expected(i, s));
        QVERIFY2(test::near(r.sd(i, s), expected(i, s), 1e-9),
                 qPrintable(QStringLiteral("%1 %2 step %3: %4 vs R %5")
                                .arg(method, QString::fromStdString(h_.nodes()[static_cast<std::size_t>(i)].name))
                                .arg(s + 1)
                                .arg(r.sd(i, s), 0, 'g', 17)
                                .arg(expected(i, s), 0, 'g', 17)));
      }
    // The means are those of the run without intervals.
    in.baseSd.resize(0, 0);
    QVERIFY(Reconciler::reconcile(h_, in, options).mean == r.mean);
    qInfo("%s: standard deviations, worst relative difference from R %.3g", qPrintable(method), worst);
  }

  void intervalsAreRefusedWhereTheyAreNotDefined() {
    ReconcileInputs in = inputs_;
    in.baseSd = matrixOf(ref_, h_, "base_sd");
    ReconcileOptions options;
    options.method = ReconcileMethod::TopDownFp;
    try {
      Reconciler::reconcile(h_, in, options);
      QFAIL("top-down intervals");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("computed for bottom_up, ols") != std::string::npos, e.what());
    }
    options.method = ReconcileMethod::BottomUp;
    in.baseSd(2, 3) = -1;
    try {
      Reconciler::reconcile(h_, in, options);
      QFAIL("negative standard deviation");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("negative") != std::string::npos, e.what());
    }
  }

  void baseForecastsAreNotCoherentButEveryMethodIs() {
    QVERIFY(test::incoherence(h_, inputs_.base) > 1e-3);
  }

  // Base forecasts that go negative at the bottom: with nonNegative the
  // negatives become 0 and the rest still adds up.
  void negativesAreSetToZeroAtTheBottomAndSummedUp() {
    ReconcileInputs in = inputs_;
    const int central = h_.find("North America/United States/Central");
    in.base.row(central).setConstant(-500);
    ReconcileOptions options;
    options.method = ReconcileMethod::MintShrink;
    const ReconcileResult plain = Reconciler::reconcile(h_, in, options);
    QVERIFY(plain.mean.row(central).minCoeff() < 0);
    options.nonNegative = true;
    const ReconcileResult clipped = Reconciler::reconcile(h_, in, options);
    QVERIFY(clipped.mean.minCoeff() >= 0);
    QVERIFY(clipped.negativesSetToZero >= 28);
    QVERIFY(test::incoherence(h_, clipped.mean) < 1e-12);
  }

  void inputsThatDoNotFitAreRefused() {
    ReconcileOptions options;
    options.method = ReconcileMethod::MintShrink;
    ReconcileInputs in = inputs_;
    in.residuals = Eigen::MatrixXd();
    try {
      Reconciler::reconcile(h_, in, options);
      QFAIL("reconciled without errors");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("mint_shrink: the in-sample errors has 0 row(s)") != std::string::npos,
               e.what());
    }
    in = inputs_;
    in.base(3, 4) = std::nan("");
    try {
      Reconciler::reconcile(h_, in, options);
      QFAIL("reconciled a NaN");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("'Pacific'") != std::string::npos, e.what());
    }
    options.method = ReconcileMethod::MiddleOut;
    options.middleDepth = 4;
    try {
      Reconciler::reconcile(h_, inputs_, options);
      QFAIL("middle level out of range");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("1 to 3") != std::string::npos, e.what());
    }
    QVERIFY(!parseReconcileMethod("mint"));
    QCOMPARE(reconcileMethodList(),
             std::string("bottom_up, top_down_ahp, top_down_pha, top_down_fp, middle_out, ols, wls_struct, wls_var, "
                         "mint_shrink"));
  }

  // A missing actual in the history: top-down proportions leave that
  // period out instead of turning every forecast into NaN.
  void topDownProportionsSkipIncompletePeriods() {
    ReconcileInputs in = inputs_;
    ReconcileOptions options;
    options.method = ReconcileMethod::TopDownPha;
    const Eigen::MatrixXd full = Reconciler::reconcile(h_, in, options).mean;
    in.history(h_.firstBottom() + 2, 10) = std::nan("");
    in.history(0, 20) = std::nan("");
    for (const ReconcileMethod m : {ReconcileMethod::TopDownPha, ReconcileMethod::TopDownAhp}) {
      options.method = m;
      const Eigen::MatrixXd r = Reconciler::reconcile(h_, in, options).mean;
      QVERIFY(r.allFinite());
      QVERIFY(test::incoherence(h_, r) < 1e-12);
    }
    // Leaving two of 365 periods out moves the shares a little, not much.
    options.method = ReconcileMethod::TopDownPha;
    const Eigen::MatrixXd partial = Reconciler::reconcile(h_, in, options).mean;
    QVERIFY((partial - full).cwiseAbs().maxCoeff() < 0.05 * full.cwiseAbs().maxCoeff());
    QCOMPARE(partial.row(0), full.row(0));  // the total keeps its base forecast
  }

  // Errors missing for some node in a period: that period is left out of
  // the covariance, and said so.
  void periodsWithAMissingErrorAreLeftOut() {
    ReconcileInputs in = inputs_;
    in.residuals(5, 0) = std::nan("");
    in.residuals(7, 1) = std::nan("");
    ReconcileOptions options;
    options.method = ReconcileMethod::WlsVar;
    QCOMPARE(Reconciler::reconcile(h_, in, options).periodsDropped, 2);
  }

  // A grouped structure (region -> country crossed with category): ols and
  // wls_struct equal the textbook form S (S' W^-1 S)^-1 S' W^-1 y^ computed
  // here with dense matrices, which the engine's projection over one split
  // per node never forms; bottom_up is S times the bottom rows.
  void groupedStructuresMatchTheTextbookForm() {
    const Hierarchy h = Hierarchy::crossed({{"region", "country"}, {"category"}},
                                           {{"Europe", "France", "Bikes"},
                                            {"Europe", "France", "Clothing"},
                                            {"Europe", "Germany", "Bikes"},
                                            {"Europe", "Germany", "Clothing"},
                                            {"Pacific", "Australia", "Bikes"},
                                            {"Pacific", "Australia", "Clothing"},
                                            {"Pacific", "Japan", "Bikes"}});
    QCOMPARE(h.size(), 1 + 2 + 4 + 2 + 4 + 7);
    ReconcileInputs in;
    in.base.resize(h.size(), 5);
    for (Eigen::Index i = 0; i < in.base.rows(); ++i)
      for (Eigen::Index t = 0; t < in.base.cols(); ++t)
        in.base(i, t) = 100.0 / (1 + i % 7) + 13.0 * std::sin(0.7 * static_cast<double>(i) + static_cast<double>(t));
    const Eigen::MatrixXd s(h.summingMatrix());
    for (const ReconcileMethod m : {ReconcileMethod::Ols, ReconcileMethod::WlsStruct, ReconcileMethod::BottomUp}) {
      ReconcileOptions options;
      options.method = m;
      const ReconcileResult r = Reconciler::reconcile(h, in, options);
      Eigen::MatrixXd expected;
      if (m == ReconcileMethod::BottomUp) {
        expected = s * in.base.bottomRows(h.bottomCount());
      } else {
        const Eigen::VectorXd w = m == ReconcileMethod::Ols ? Eigen::VectorXd::Ones(h.size()).eval()
                                                            : (s * Eigen::VectorXd::Ones(h.bottomCount())).eval();
        const Eigen::MatrixXd stwi = s.transpose() * w.cwiseInverse().asDiagonal();
        expected = s * (stwi * s).ldlt().solve(stwi * in.base);
      }
      const double worst = ((r.mean - expected).cwiseAbs().array() / expected.cwiseAbs().array().max(1.0)).maxCoeff();
      QVERIFY2(worst < 1e-12, (std::string(reconcileMethodName(m)) + ": " + std::to_string(worst)).c_str());
      QVERIFY(test::incoherence(h, r.mean) < 1e-12);
    }
  }
};

QTEST_GUILESS_MAIN(ReconcilerTest)
#include "ReconcilerTest.moc"
