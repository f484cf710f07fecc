#include "serving/ForecastRenderer.h"

#include <nlohmann/json.hpp>

#include "engine/common/CsvField.h"
#include "engine/models/ForecastTable.h"

namespace foresight::serving {

void ForecastRenderer::add(const std::string& series, const Forecast& forecast) { forecasts_.emplace_back(series, forecast); }

std::vector<std::string> ForecastRenderer::columns() const {
  std::vector<std::string> cols{"series", "date", "value"};
  if (!forecasts_.empty())
    for (const double l : forecasts_.front().second.levels) {
      cols.push_back("lo" + ForecastTable::levelLabel(l));
      cols.push_back("hi" + ForecastTable::levelLabel(l));
    }
  cols.push_back("model");
  cols.push_back("model_version");
  return cols;
}

QByteArray ForecastRenderer::json() const {
  const std::vector<std::string> cols = columns();
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [series, f] : forecasts_)
    for (Eigen::Index i = 0; i < f.horizon(); ++i) {
      nlohmann::ordered_json r;
      r["series"] = series;
      r["date"] = f.dateAt(i).toIso();
      r["value"] = f.mean[i];
      for (std::size_t k = 0; k < f.levels.size(); ++k) {
        r[cols[3 + 2 * k]] = f.lower(i, static_cast<Eigen::Index>(k));
        r[cols[4 + 2 * k]] = f.upper(i, static_cast<Eigen::Index>(k));
      }
      r["model"] = model_;
      r["model_version"] = version_;
      out.push_back(std::move(r));
    }
  return QByteArray::fromStdString(out.dump()) + '\n';
}

QByteArray ForecastRenderer::csv() const {
  std::string out;
  const std::vector<std::string> cols = columns();
  for (std::size_t c = 0; c < cols.size(); ++c) out += (c ? "," : "") + cols[c];
  out += "\n";
  const std::string tail = "," + csvTextField(model_) + "," + std::to_string(version_) + "\n";
  for (const auto& [series, f] : forecasts_) {
    const std::string name = csvTextField(series);
    for (Eigen::Index i = 0; i < f.horizon(); ++i) {
      out += name + "," + f.dateAt(i).toIso() + "," + ForecastTable::formatNumber(f.mean[i]);
      for (std::size_t k = 0; k < f.levels.size(); ++k)
        out += "," + ForecastTable::formatNumber(f.lower(i, static_cast<Eigen::Index>(k))) + "," +
               ForecastTable::formatNumber(f.upper(i, static_cast<Eigen::Index>(k)));
      out += tail;
    }
  }
  return QByteArray::fromStdString(out);
}

}  // namespace foresight::serving
