#include "engine/eval/Leaderboard.h"

#include <algorithm>  // std::stable_sort, std::find, std::max
#include <cmath>      // std::isnan
#include <cstdio>     // std::snprintf

#include "engine/common/Errors.h"

namespace foresight {

Leaderboard Leaderboard::build(const BacktestResult& result, const MetricKey& metric) {
  const auto& levels = result.config.levels;
  if (metric.isInterval() && std::find(levels.begin(), levels.end(), metric.level) == levels.end())
    throw InputError(InputLocation{"", 0, "metric", metric.name()},
                     "the backtest scored no " + formatLevel(metric.level) +
                         "% interval; add that level to the levels scored");
  Leaderboard board;
  board.metric_ = metric;
  for (const auto& m : result.models) {
    LeaderboardEntry e;
    e.label = m.label;
    e.spec = m.spec;
    e.value = m.summary.get(metric);
    e.succeeded = m.succeededFolds();
    e.failed = m.failedFolds();
    for (const auto& f : m.folds)
      if (!f.ok) {
        e.firstError = f.error;
        break;
      }
    board.entries_.push_back(e);
  }
  // Undefined values sort last; otherwise the smaller badness wins.
  std::stable_sort(board.entries_.begin(), board.entries_.end(),
                   [&](const LeaderboardEntry& a, const LeaderboardEntry& b) {
                     const double x = metric.badness(a.value.mean), y = metric.badness(b.value.mean);
                     if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
                     return x < y;
                   });
  for (std::size_t i = 0; i < board.entries_.size(); ++i) board.entries_[i].rank = static_cast<int>(i + 1);
  return board;
}

namespace {
std::string cell(double v) {
  if (std::isnan(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  if (s.size() >= width) return s;
  const std::string fill(width - s.size(), ' ');
  return right ? fill + s : s + fill;
}
}  // namespace

std::string Leaderboard::toText() const {
  // Columns as wide as their widest cell, so large errors stay aligned.
  std::vector<std::vector<std::string>> rows{
      {"rank", "model", metric_.label(), "std", "min", "max", "folds ok/failed"}};
  for (const auto& e : entries_)
    rows.push_back({std::to_string(e.rank), e.label, cell(e.value.mean), cell(e.value.std), cell(e.value.min),
                    cell(e.value.max), std::to_string(e.succeeded) + "/" + std::to_string(e.failed)});
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  std::string out;
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c) {
      const bool left = c == 1 || c + 1 == r.size();
      out += (c == 0 ? "" : "  ") + (c + 1 == r.size() ? r[c] : pad(r[c], width[c], !left));
    }
    out += "\n";
  }
  for (const auto& e : entries_)
    if (e.failed > 0)
      out += "note: " + e.label + " failed in " + std::to_string(e.failed) + " fold(s): " + e.firstError + "\n";
  return out;
}

nlohmann::json Leaderboard::toJson() const {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : entries_) {
    nlohmann::json r = {{"rank", e.rank},           {"label", e.label},
                        {"spec", e.spec},           {"value", e.value.toJson()},
                        {"succeeded", e.succeeded}, {"failed", e.failed}};
    if (!e.firstError.empty()) r["first_error"] = e.firstError;
    rows.push_back(r);
  }
  return {{"metric", metric_.name()}, {"entries", rows}};
}

}  // namespace foresight
