#include "ui/models/RecommendedCandidates.h"

namespace foresight::ui {

QStringList RecommendedCandidates::forFrequency(Frequency f) {
  switch (f) {
    case Frequency::Daily:
      // A weekly season (MSTL also the yearly one); auto_arima's seasonal
      // search on years of days takes minutes, so it is left to the user.
      return {QStringLiteral("naive"), QStringLiteral("snaive"), QStringLiteral("ets"), QStringLiteral("theta"),
              QStringLiteral("mstl")};
    case Frequency::Weekly:
    case Frequency::Monthly:
    case Frequency::Quarterly:
      return {QStringLiteral("naive"), QStringLiteral("snaive"), QStringLiteral("ets"), QStringLiteral("theta"),
              QStringLiteral("auto_arima")};
    case Frequency::Yearly:
      // No season: the drift is the baseline to beat.
      return {QStringLiteral("naive"), QStringLiteral("drift"), QStringLiteral("ets"), QStringLiteral("theta"),
              QStringLiteral("auto_arima")};
  }
  return {};
}

}  // namespace foresight::ui
