#include "engine/models/mstl/MstlPeriods.h"

#include <algorithm>  // std::sort

namespace foresight {

namespace {
std::vector<int> parse(const std::string& text) {
  std::vector<int> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t plus = std::min(text.find('+', pos), text.size());
    out.push_back(std::stoi(text.substr(pos, plus - pos)));
    pos = plus + 1;
  }
  return out;
}

std::vector<int> automatic(Frequency f, Eigen::Index n) {
  switch (f) {
    case Frequency::Daily: return n >= 730 ? std::vector<int>{7, 365} : std::vector<int>{7};
    case Frequency::Weekly: return {52};
    case Frequency::Monthly: return {12};
    case Frequency::Quarterly: return {4};
    case Frequency::Yearly: return {};
  }
  return {};
}
}  // namespace

const std::vector<std::string>& MstlPeriods::choices() {
  static const std::vector<std::string> list = {"auto", "none", "7",  "30",   "365",  "7+30", "7+365", "7+30+365",
                                                "4",    "12",   "3+12", "13", "52", "4+52", "13+52"};
  return list;
}

std::vector<int> MstlPeriods::resolve(const std::string& choice, Frequency frequency, Eigen::Index n,
                                      std::vector<std::string>& warnings) {
  std::vector<int> asked = choice == "auto" ? automatic(frequency, n) : choice == "none" ? std::vector<int>{}
                                                                                         : parse(choice);
  std::sort(asked.begin(), asked.end());
  std::vector<int> kept;
  for (int p : asked) {
    if (2 * static_cast<Eigen::Index>(p) < n) {
      kept.push_back(p);
      continue;
    }
    warnings.push_back("mstl: seasonal period " + std::to_string(p) + " dropped: it needs more than " +
                       std::to_string(2 * p) + " observations (has " + std::to_string(n) + ")");
  }
  return kept;
}

}  // namespace foresight
