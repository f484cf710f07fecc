// bench_reconcile: reconciles a synthetic hierarchy the size of a retailer's
// product range (by default 50,000 bottom series under 500 groups under 20
// departments under a total: 50,521 nodes) with bottom_up, ols, wls_struct,
// wls_var and mint_shrink; prints each method's wall and CPU time and the
// process's peak RSS after it, and checks the result is coherent.
// Usage: bench_reconcile [--bottom N] [--groups G] [--departments D]
//                        [--periods T] [--horizon H] [--methods a,b,...]
// Errors are Gaussian with a department-wide common factor (so mint_shrink
// has correlation to shrink); base forecasts are positive and not coherent.
// The figures and the exact command are in docs/benchmarks.md.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include "BenchClock.h"
#include "engine/hierarchy/Reconciler.h"

using namespace foresight;

int main(int argc, char** argv) {
  int bottom = 50000, groups = 500, departments = 20, periods = 200, horizon = 28;
  std::string methods = "bottom_up,ols,wls_struct,wls_var,mint_shrink";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (a == "--bottom") bottom = v;
    else if (a == "--groups") groups = v;
    else if (a == "--departments") departments = v;
    else if (a == "--periods") periods = v;
    else if (a == "--horizon") horizon = v;
    else if (a == "--methods") methods = argv[i + 1];
    else {
      std::fprintf(stderr, "bench_reconcile: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (bottom < groups || groups < departments || departments < 1 || periods < 2 || horizon < 1) {
    std::fprintf(stderr, "bench_reconcile: need bottom >= groups >= departments >= 1, periods >= 2, horizon >= 1\n");
    return 2;
  }
  try {
    double start = bench::wallSeconds();
    std::vector<std::vector<std::string>> paths;
    paths.reserve(static_cast<std::size_t>(bottom));
    for (int b = 0; b < bottom; ++b) {
      const int g = b % groups, d = g % departments;
      paths.push_back({"d" + std::to_string(d), "g" + std::to_string(g), "s" + std::to_string(b)});
    }
    const Hierarchy h = Hierarchy::fromPaths({"department", "group", "series"}, paths);
    std::printf("hierarchy: %d nodes (%d bottom, %d aggregates) built in %.2f s\n", h.size(), h.bottomCount(),
                h.firstBottom(), bench::wallSeconds() - start);

    std::mt19937_64 rng(20261207);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> level(5.0, 50.0);
    ReconcileInputs in;
    in.base.resize(h.size(), horizon);
    in.residuals.resize(h.size(), periods);
    // Bottom errors: own noise plus their department's common factor; an
    // aggregate's errors: the sum of its children's plus its own noise.
    Eigen::MatrixXd factor(departments, periods);
    for (Eigen::Index i = 0; i < factor.size(); ++i) factor.data()[i] = normal(rng);
    for (int i = h.size() - 1; i >= 0; --i) {
      const HierarchyNode& node = h.nodes()[static_cast<std::size_t>(i)];
      for (int t = 0; t < periods; ++t) in.residuals(i, t) = normal(rng);
      if (node.children.empty()) {
        const int d = std::stoi(node.parts[0].substr(1));
        in.residuals.row(i) += 0.5 * factor.row(d);
      } else {
        for (const int c : node.children) in.residuals.row(i) += in.residuals.row(c);
      }
      const double l = node.children.empty() ? level(rng) : 0.0;
      for (int s = 0; s < horizon; ++s) in.base(i, s) = l;
    }
    // Aggregates' base forecasts: the sum of their bottom series' x 1.05
    // (not coherent, as separately fitted models would be).
    const Eigen::MatrixXd sums = h.summingMatrix() * in.base.bottomRows(h.bottomCount());
    in.base.topRows(h.firstBottom()) = 1.05 * sums.topRows(h.firstBottom());
    std::printf("inputs: base %d x %d, errors %d x %d; peak RSS %.0f MiB\n", h.size(), horizon, h.size(), periods,
                bench::peakRssMiB());

    std::size_t pos = 0;
    while (pos <= methods.size()) {
      const std::size_t comma = std::min(methods.find(',', pos), methods.size());
      const std::string name = methods.substr(pos, comma - pos);
      pos = comma + 1;
      const auto method = parseReconcileMethod(name);
      if (!method) {
        std::fprintf(stderr, "bench_reconcile: unknown method %s (%s)\n", name.c_str(), reconcileMethodList().c_str());
        return 2;
      }
      ReconcileOptions options;
      options.method = *method;
      const double wall = bench::wallSeconds(), cpu = bench::processCpuSeconds();
      const ReconcileResult r = Reconciler::reconcile(h, in, options);
      const double wallTaken = bench::wallSeconds() - wall, cpuTaken = bench::processCpuSeconds() - cpu;
      // Coherence: the total against the sum of the bottom series.
      double worst = 0;
      const Eigen::RowVectorXd bottomSum = r.mean.bottomRows(h.bottomCount()).colwise().sum();
      for (int s = 0; s < horizon; ++s)
        worst = std::max(worst, std::abs(r.mean(0, s) - bottomSum[s]) / std::max(std::abs(r.mean(0, s)), 1.0));
      std::printf("%-12s wall %7.2f s  cpu %7.2f s  peak RSS %6.0f MiB  total %.10g  incoherence %.2g%s\n",
                  name.c_str(), wallTaken, cpuTaken, bench::peakRssMiB(), r.mean(0, 0), worst,
                  r.lambda ? (" lambda " + std::to_string(*r.lambda)).c_str() : "");
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_reconcile: %s\n", e.what());
    return 1;
  }
}
