#include "engine/data/FactTable.h"

#include <algorithm>

namespace foresight {

FactTable::FactTable(std::vector<Measure> measures, std::vector<Dimension> dimensions,
                     bool ordersFromIds)
    : measures_(std::move(measures)), dimensions_(std::move(dimensions)), ordersFromIds_(ordersFromIds) {}

std::uint32_t FactTable::addFile(std::string path) {
  files_.push_back(std::move(path));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

bool FactTable::hasMeasure(Measure m) const {
  return std::find(measures_.begin(), measures_.end(), m) != measures_.end();
}

bool FactTable::hasDimension(Dimension d) const {
  return std::find(dimensions_.begin(), dimensions_.end(), d) != dimensions_.end();
}

void FactTable::reserve(std::size_t rows) {
  dates_.reserve(rows);
  for (Measure m : measures_)
    if (m != Measure::Orders) values_[measureIndex(m)].reserve(rows);
  if (ordersFromIds_) orders_.reserve(rows);
  for (Dimension d : dimensions_) dimCodes_[dimensionIndex(d)].reserve(rows);
  fileIndex_.reserve(rows);
  lines_.reserve(rows);
}

void FactTable::append(const FactRow& row) {
  dates_.push_back(row.date);
  for (Measure m : measures_)
    if (m != Measure::Orders) values_[measureIndex(m)].push_back(row.values[measureIndex(m)]);
  if (ordersFromIds_) orders_.push_back(row.order);
  for (Dimension d : dimensions_) dimCodes_[dimensionIndex(d)].push_back(row.dims[dimensionIndex(d)]);
  fileIndex_.push_back(row.file);
  lines_.push_back(row.line);
}

}  // namespace foresight
