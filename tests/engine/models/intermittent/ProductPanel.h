// The 130 daily Adventure Works product series (quantity), the panel the
// intermittent-demand models are checked on (their median share of zero days
// is 86%); empty when ../shared/data is missing (the test then fails loudly
// on the count).
#pragma once

#include "TestSupport.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"

namespace foresight::test {

inline Panel productPanel() {
  const auto dir = sharedData("adventureworks");
  if (dir.empty()) return {};
  SeriesRequest request;
  request.measure = Measure::Quantity;
  request.groupBy = Dimension::Product;
  return SeriesBuilder::build(DataSourceLoader::loadOne(dir.string(), {}), request);
}

}  // namespace foresight::test
