#include "BenchSeries.h"

#include "engine/common/Errors.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/eval/M4Dataset.h"

namespace foresight::bench {

std::vector<BenchSeries> readM4Weekly(const std::string& trainPath, const std::string& testPath, std::size_t limit,
                                      int m4Period) {
  const std::vector<M4Series> train = M4Dataset::read(trainPath, limit);
  const std::vector<M4Series> test = M4Dataset::read(testPath, limit);
  if (train.size() != test.size())
    throw InputError({testPath, 0, "", ""}, "holds " + std::to_string(test.size()) + " series, the training file " +
                                                std::to_string(train.size()));
  std::vector<BenchSeries> out;
  out.reserve(train.size());
  for (std::size_t i = 0; i < train.size(); ++i) {
    if (train[i].id != test[i].id)
      throw InputError({testPath, test[i].line, "V1", test[i].id},
                       "series id differs from the training file's " + train[i].id);
    BenchSeries s;
    s.id = train[i].id;
    s.set = "m4";
    s.frequency = Frequency::Weekly;
    s.period = m4Period;
    s.train = train[i].values;
    s.test = test[i].values;
    s.horizon = static_cast<int>(s.test.size());
    out.push_back(std::move(s));
  }
  return out;
}

BenchSeries adventureWorksDaily(const std::string& folder) {
  const LoadedData data = DataSourceLoader::loadOne(folder, {});
  SeriesRequest request;
  request.measure = Measure::Revenue;
  const Panel panel = SeriesBuilder::build(data, request);
  const TimeSeries& y = panel.series.front();
  BenchSeries s;
  s.id = "aw_daily";
  s.set = "aw";
  s.frequency = Frequency::Daily;
  s.period = 7;
  s.train.assign(y.values.data(), y.values.data() + y.values.size());
  s.horizon = 13;
  return s;
}

}  // namespace foresight::bench
