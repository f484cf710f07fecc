#include "engine/models/FitStatistics.h"

#include <cmath>  // std::isfinite

#include "engine/models/JsonFields.h"

namespace foresight {

namespace {
nlohmann::json numberOrNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
}  // namespace

nlohmann::json FitStatistics::toJson() const {
  return {{"loglik", numberOrNull(logLikelihood)},
          {"aic", numberOrNull(aic)},
          {"aicc", numberOrNull(aicc)},
          {"bic", numberOrNull(bic)},
          {"sigma2", numberOrNull(sigma2)},
          {"nobs", nobs},
          {"nparams", nparams}};
}

FitStatistics FitStatistics::fromJson(const nlohmann::json& j) {
  FitStatistics s;
  s.logLikelihood = json_fields::numberOrNaN(j, "loglik");
  s.aic = json_fields::numberOrNaN(j, "aic");
  s.aicc = json_fields::numberOrNaN(j, "aicc");
  s.bic = json_fields::numberOrNaN(j, "bic");
  s.sigma2 = json_fields::numberOrNaN(j, "sigma2");
  s.nobs = json_fields::integer(j, "nobs", 0, 1 << 30);
  s.nparams = json_fields::integer(j, "nparams", 0, 1 << 20);
  return s;
}

}  // namespace foresight
