// The loaded rows of a dataset, column by column: a date, exact money
// measures, dictionary-coded dimensions and the file and line each row came
// from. Every loader fills one; the series builder and validator read it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/common/Date.h"
#include "engine/data/Dimension.h"
#include "engine/data/Measure.h"
#include "engine/data/StringDictionary.h"
#include "engine/io/Decimal.h"

namespace foresight {

// One row as a loader assembles it before appending. Members for measures or
// dimensions the table does not carry are ignored.
struct FactRow {
  Date date;
  std::array<Decimal, kMeasureCount> values{};  // by measureIndex(); Orders is unused
  std::int32_t order = -1;                        // code in FactTable::orderIds()
  std::array<std::int32_t, kDimensionCount> dims{};  // codes in FactTable::dictionary(d)
  std::uint32_t file = 0;                         // index in FactTable::files()
  std::uint32_t line = 0;
};

class FactTable {
 public:
  // `ordersFromIds`: true when each row names its order (distinct ids are
  // counted); false when every row is one order (a count of rows).
  FactTable(std::vector<Measure> measures, std::vector<Dimension> dimensions, bool ordersFromIds);
  FactTable() : FactTable({}, {}, false) {}

  std::uint32_t addFile(std::string path);
  void append(const FactRow& row);
  void reserve(std::size_t rows);

  std::size_t rowCount() const { return dates_.size(); }
  const std::vector<Measure>& measures() const { return measures_; }
  const std::vector<Dimension>& dimensions() const { return dimensions_; }
  bool hasMeasure(Measure m) const;
  bool hasDimension(Dimension d) const;
  bool ordersFromIds() const { return ordersFromIds_; }

  const std::vector<Date>& dates() const { return dates_; }
  // Values of a money or quantity measure (not Orders), one per row.
  const std::vector<Decimal>& values(Measure m) const { return values_[measureIndex(m)]; }
  // Order code per row (only when ordersFromIds()).
  const std::vector<std::int32_t>& orderCodes() const { return orders_; }
  StringDictionary& orderIds() { return orderIds_; }
  const StringDictionary& orderIds() const { return orderIds_; }
  const std::vector<std::int32_t>& codes(Dimension d) const { return dimCodes_[dimensionIndex(d)]; }
  StringDictionary& dictionary(Dimension d) { return dictionaries_[dimensionIndex(d)]; }
  const StringDictionary& dictionary(Dimension d) const { return dictionaries_[dimensionIndex(d)]; }

  const std::vector<std::string>& files() const { return files_; }
  const std::string& fileOf(std::size_t row) const { return files_[fileIndex_[row]]; }
  std::uint32_t lineOf(std::size_t row) const { return lines_[row]; }

 private:
  std::vector<Measure> measures_;
  std::vector<Dimension> dimensions_;
  bool ordersFromIds_ = false;
  std::vector<Date> dates_;
  std::array<std::vector<Decimal>, kMeasureCount> values_;
  std::vector<std::int32_t> orders_;
  StringDictionary orderIds_;
  std::array<std::vector<std::int32_t>, kDimensionCount> dimCodes_;
  std::array<StringDictionary, kDimensionCount> dictionaries_;
  std::vector<std::string> files_;
  std::vector<std::uint32_t> fileIndex_, lines_;
};

}  // namespace foresight
