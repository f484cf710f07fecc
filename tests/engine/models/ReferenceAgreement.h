// How closely a test's numbers agree with a reference (R's), per quantity:
// every comparison is checked against its tolerance and recorded, and
// print() (called from cleanupTestCase) shows the largest absolute and
// relative difference of each quantity. The tolerances the reference tests
// assert, and the precisions docs/models.md states, are read off this table
// (the measured agreement rounded up to the next power of ten), so a
// regression of a few digits fails a test instead of hiding under a loose
// tolerance.
#pragma once

#include <QtTest/QTest>
#include <algorithm>  // std::max
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace foresight::test {

class ReferenceAgreement {
 public:
  // True when |got - want| <= relTol * max(|got|, |want|, scale) + absTol.
  // `scale` puts values near zero (a bound crossing zero, a small
  // coefficient) on the scale of the quantity they belong to; `absTol`
  // covers references printed with fewer digits than the test compares.
  bool check(const std::string& quantity, double got, double want, double relTol, double scale = 0,
             double absTol = 0) {
    const double diff = std::fabs(got - want);
    const double denom = std::max({std::fabs(got), std::fabs(want), std::fabs(scale)});
    const double rel = denom > 0 ? diff / denom : (diff > 0 ? INFINITY : 0.0);
    Worst& w = worst_[quantity];
    ++w.count;
    raise(w.abs, diff);
    raise(w.rel, rel);
    return !std::isnan(got) && !std::isnan(want) && diff <= relTol * denom + absTol;
  }

  // Counts that must be equal; the share that differs is recorded.
  bool checkEqual(const std::string& quantity, long long got, long long want) {
    Worst& w = worst_[quantity];
    ++w.count;
    if (w.unequal < 0) w.unequal = 0;
    if (got != want) {
      ++w.unequal;
      w.abs = std::max(w.abs, static_cast<double>(got > want ? got - want : want - got));
    }
    return got == want;
  }

  // One line per quantity: comparisons, max |difference|, max relative.
  void print(const char* title) const {
    std::string out = std::string("agreement with the reference (") + title + "):\n";
    char line[200];
    for (const auto& [name, w] : worst_) {
      if (w.unequal >= 0 && w.rel < 0) {  // an exact count
        std::snprintf(line, sizeof line, "  %-24s %5d compared, %d differ (max by %.0f)\n",
                      name.c_str(), w.count, w.unequal, w.abs);
      } else {
        std::snprintf(line, sizeof line, "  %-24s %5d compared, max abs %.3g, max rel %.3g\n",
                      name.c_str(), w.count, w.abs, w.rel);
      }
      out += line;
    }
    qInfo("%s", out.c_str());
  }

 private:
  struct Worst {
    int count = 0;
    int unequal = -1;  // >= 0 for exact counts
    double abs = 0, rel = -1;
  };
  // A NaN difference stays the worst once seen.
  static void raise(double& worst, double v) {
    if (!std::isnan(worst) && (std::isnan(v) || v > worst)) worst = v;
  }
  std::map<std::string, Worst> worst_;
};

}  // namespace foresight::test
