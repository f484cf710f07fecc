// Diebold-Mariano test of equal predictive accuracy (Diebold & Mariano 1995)
// with the Harvey-Leybourne-Newbold (1997) small-sample correction and
// Student-t(n-1) p-values, as R's forecast::dm.test (varestimator "acf").
#pragma once

#include <Eigen/Core>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace foresight {

// Loss of one error: squared (power 2) or absolute (power 1).
enum class DmLoss { Squared, Absolute };
// R's alternative: "greater" = method 2 is more accurate than method 1,
// "less" = method 2 is less accurate, "two.sided" = they differ.
enum class DmAlternative { TwoSided, Less, Greater };

std::string_view dmLossName(DmLoss l);            // "squared" | "absolute"
DmLoss parseDmLoss(std::string_view text, const std::string& field = "loss");
std::string_view dmAlternativeName(DmAlternative a);  // "two.sided" | "less" | "greater"
DmAlternative parseDmAlternative(std::string_view text, const std::string& field = "alternative");

struct DieboldMarianoResult {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  bool defined = false;        // false: statistic and p-value are NaN, `note` says why
  double statistic = kNaN;     // HLN-corrected DM statistic
  double pValue = kNaN;
  double meanDifferential = kNaN;  // mean of loss(e1) - loss(e2): > 0 favours method 2
  int n = 0;                   // loss differentials used
  int h = 1;                   // horizon asked
  int hUsed = 1;               // horizon of the variance (1 after R's fallback)
  DmLoss loss = DmLoss::Squared;
  DmAlternative alternative = DmAlternative::TwoSided;
  std::string note;            // fallback or why undefined

  nlohmann::json toJson() const;
};

class DieboldMariano {
 public:
  // e1, e2: errors of methods 1 and 2 on the same points, in time order;
  // pairs with a missing (NaN) error are left out. Never throws on data:
  // a degenerate case (too few errors, zero variance) is returned undefined.
  static DieboldMarianoResult test(const Eigen::Ref<const Eigen::VectorXd>& e1,
                                   const Eigen::Ref<const Eigen::VectorXd>& e2, int h,
                                   DmLoss loss, DmAlternative alternative);
};

}  // namespace foresight
