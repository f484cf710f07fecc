#include "engine/models/regression/CalendarRegressionModel.h"

#include <algorithm>  // std::min
#include <cmath>      // std::exp, std::log, std::sqrt

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/SeriesCleaning.h"
#include "engine/models/regression/PenalizedRegression.h"

namespace foresight {

namespace {
constexpr double kTrendPriorScale = 5;  // Prophet's k, m ~ normal(0, 5)
constexpr double kMaxLog = 700;         // exp(700) ~ 1e304: no overflow downstream

double daysPerPeriod(Frequency f) {
  switch (f) {
    case Frequency::Daily: return 1;
    case Frequency::Weekly: return 7;
    case Frequency::Monthly: return 365.25 / 12;
    case Frequency::Quarterly: return 365.25 / 4;
    case Frequency::Yearly: return 365.25;
  }
  return 1;
}

// Adds the season when the data can carry it; `asked` is the order the
// spec gave (nullopt: automatic, then silent about dropping it).
void planSeason(std::vector<FourierSeasonality>& out, const std::string& name, double period,
                std::optional<int> asked, int autoOrder, Eigen::Index n, std::vector<std::string>& warnings) {
  if (asked && *asked == 0) return;
  const auto note = [&](const std::string& what) {
    if (asked) warnings.push_back("calendar_regression: " + name + " seasonality " + what);
  };
  if (!(period > 2)) return note("dropped: its period is " + formatValue(period) + " of the data's periods, not above 2");
  if (static_cast<double>(n) < 2 * period)
    return note("dropped: it needs two periods of history (" + formatValue(2 * period) + " observations), the data have " +
                std::to_string(n));
  int order = asked.value_or(autoOrder);
  if (order > FourierSeasonality::maxOrder(period)) {
    order = FourierSeasonality::maxOrder(period);
    note("order lowered to " + std::to_string(order) + ", the most a period of " + formatValue(period) + " supports");
  }
  out.emplace_back(name, period, order);
}
}  // namespace

CalendarRegressionModel CalendarRegressionModel::fit(const Eigen::VectorXd& y, const CalendarGrid& grid,
                                                     const CalendarRegressionSettings& s,
                                                     std::vector<std::string>& warnings) {
  CalendarRegressionModel m;
  const Eigen::Index n = y.size();
  m.multiplicative_ = s.multiplicative;
  if (m.multiplicative_ && (y.array() <= 0).any()) {
    warnings.push_back("calendar_regression: mode=multiplicative needs positive data; fitted additively");
    m.multiplicative_ = false;
  }
  // Prophet scales by the largest |y|; the log of positive data is scaled
  // to [0, 1] instead (its level carries no meaning for the priors).
  const Eigen::VectorXd z = m.multiplicative_ ? Eigen::VectorXd(y.array().log()) : y;
  m.shift_ = m.multiplicative_ ? z.minCoeff() : 0.0;
  m.scale_ = m.multiplicative_ ? z.maxCoeff() - m.shift_ : y.cwiseAbs().maxCoeff();
  if (!(m.scale_ > 0)) m.scale_ = 1;

  m.trend_ = ChangepointTrend::place(n, s.changepoints, s.changepointRange);
  const double days = daysPerPeriod(grid.frequency);
  planSeason(m.seasonalities_, "weekly", 7 / days, s.weeklyOrder, 3, n, warnings);
  planSeason(m.seasonalities_, "yearly", 365.25 / days, s.yearlyOrder, 10, n, warnings);
  if (s.extraPeriod) planSeason(m.seasonalities_, "extra", *s.extraPeriod, s.extraOrder, s.extraOrder, n, warnings);
  if (s.eventsFile) m.calendar_ = EventCalendar::readCsv(*s.eventsFile);
  m.calendar_.setUsHolidays(s.usHolidays);
  m.holidays_ = HolidayFeatures::plan(m.calendar_, grid.frequency, grid.start, n, s.holidayWindow);

  std::vector<CoefficientPrior> priors(2, {CoefficientPrior::Gaussian, kTrendPriorScale});
  priors.resize(priors.size() + m.trend_.changepoints().size(), {CoefficientPrior::Laplace, s.changepointPriorScale});
  for (const auto& season : m.seasonalities_)
    priors.resize(priors.size() + static_cast<std::size_t>(season.columns()),
                  {CoefficientPrior::Gaussian, s.seasonalityPriorScale});
  priors.resize(priors.size() + static_cast<std::size_t>(m.holidays_.columns()),
                {CoefficientPrior::Gaussian, s.holidaysPriorScale});

  const Eigen::MatrixXd x = m.design(grid, 0, n);
  const Eigen::VectorXd scaled = (z.array() - m.shift_) / m.scale_;
  m.beta_ = PenalizedRegression::fit(x, scaled, priors).coefficients();
  m.ssr_ = (scaled - x * m.beta_).squaredNorm();
  m.count_ = static_cast<int>(n);
  return m;
}

int CalendarRegressionModel::columns() const {
  int c = trend_.columns() + holidays_.columns();
  for (const auto& s : seasonalities_) c += s.columns();
  return c;
}

Eigen::MatrixXd CalendarRegressionModel::design(const CalendarGrid& grid, Eigen::Index first, Eigen::Index count) const {
  Eigen::MatrixXd x(count, columns());
  Eigen::Index col = 0;
  const auto put = [&](const Eigen::MatrixXd& block) {
    x.middleCols(col, block.cols()) = block;
    col += block.cols();
  };
  put(trend_.features(first, count));
  for (const auto& s : seasonalities_) put(s.features(first, count));
  put(holidays_.matrix(calendar_, grid.frequency, grid.start, first, count));
  return x;
}

Eigen::VectorXd CalendarRegressionModel::deltas() const {
  return beta_.segment(2, static_cast<Eigen::Index>(trend_.changepoints().size()));
}

double CalendarRegressionModel::sigma() const { return count_ > 0 ? std::sqrt(ssr_ / count_) : 0.0; }

Eigen::VectorXd CalendarRegressionModel::toData(const Eigen::VectorXd& scaled) const {
  const Eigen::ArrayXd z = scaled.array() * scale_ + shift_;
  return multiplicative_ ? Eigen::VectorXd(z.min(kMaxLog).exp()) : Eigen::VectorXd(z);
}

Eigen::VectorXd CalendarRegressionModel::toModel(const Eigen::VectorXd& data) const {
  const Eigen::ArrayXd z = multiplicative_ ? Eigen::ArrayXd(data.array().log()) : Eigen::ArrayXd(data.array());
  return (z - shift_) / scale_;
}

Eigen::VectorXd CalendarRegressionModel::scaledMean(const CalendarGrid& grid, Eigen::Index first,
                                                    Eigen::Index count) const {
  return design(grid, first, count) * beta_;
}

Eigen::VectorXd CalendarRegressionModel::seasonalComponent(std::size_t index, Eigen::Index first,
                                                           Eigen::Index count) const {
  Eigen::Index col = trend_.columns();
  for (std::size_t i = 0; i < index; ++i) col += seasonalities_[i].columns();
  const auto& s = seasonalities_.at(index);
  return s.features(first, count) * beta_.segment(col, s.columns());
}

void CalendarRegressionModel::absorbResiduals(const Eigen::VectorXd& residuals) {
  ssr_ += residuals.squaredNorm();
  count_ += static_cast<int>(residuals.size());
}

nlohmann::json CalendarRegressionModel::toJson() const {
  nlohmann::json seasons = nlohmann::json::array();
  for (const auto& s : seasonalities_) seasons.push_back(s.toJson());
  return {{"mode", multiplicative_ ? "multiplicative" : "additive"},
          {"shift", shift_},
          {"scale", scale_},
          {"trend", trend_.toJson()},
          {"seasonalities", seasons},
          {"holidays", holidays_.toJson()},
          {"calendar", calendar_.toJson()},
          {"coefficients", json_fields::toJson(beta_)},
          {"ssr", ssr_},
          {"count", count_}};
}

CalendarRegressionModel CalendarRegressionModel::fromJson(const nlohmann::json& j) {
  using namespace json_fields;
  CalendarRegressionModel m;
  const std::string mode = string(j, "mode");
  if (mode != "additive" && mode != "multiplicative")
    throw InputError(InputLocation{"", 0, "mode", mode}, "expected additive or multiplicative");
  m.multiplicative_ = mode == "multiplicative";
  m.shift_ = number(j, "shift");
  m.scale_ = number(j, "scale");
  if (!(m.scale_ > 0)) throw InputError(InputLocation{"", 0, "scale", std::to_string(m.scale_)}, "must be positive");
  m.trend_ = underPath("trend", [&] { return ChangepointTrend::fromJson(field(j, "trend")); });
  const auto& seasons = field(j, "seasonalities");
  if (!seasons.is_array()) throw InputError(InputLocation{"", 0, "seasonalities", ""}, "expected an array");
  for (std::size_t i = 0; i < seasons.size(); ++i)
    m.seasonalities_.push_back(underPath("seasonalities[" + std::to_string(i) + "]",
                                         [&] { return FourierSeasonality::fromJson(seasons[i]); }));
  m.holidays_ = underPath("holidays", [&] { return HolidayFeatures::fromJson(field(j, "holidays")); });
  m.calendar_ = underPath("calendar", [&] { return EventCalendar::fromJson(field(j, "calendar")); });
  m.beta_ = finiteVector(j, "coefficients");
  if (m.beta_.size() != m.columns())
    throw InputError(InputLocation{"", 0, "coefficients", ""}, "holds " + std::to_string(m.beta_.size()) +
                                                                  " values for " + std::to_string(m.columns()) +
                                                                  " features");
  m.ssr_ = number(j, "ssr");
  m.count_ = integer(j, "count", 1, 1 << 30);
  if (m.ssr_ < 0) throw InputError(InputLocation{"", 0, "ssr", std::to_string(m.ssr_)}, "cannot be negative");
  return m;
}

}  // namespace foresight
