// Fuzzes the strict JSON configuration reader through PipelineConfig::fromJson
// (StrictJsonReader, SeriesRequest names, BacktestConfig, MetricKey,
// PromotionPolicy, model specs of the candidates). Oracles:
// - a refused file is an InputError whose message names the file; a JSON
//   syntax error also names a line inside the text;
// - an accepted file round-trips: the configuration as run (toJson, what
//   report.json holds), written back in the file's own layout, is accepted
//   and gives the same toJson.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "FuzzOracle.h"
#include "engine/common/Errors.h"
#include "pipeline/PipelineConfig.h"

using foresight::InputError;
using foresight::fuzz::check;
using foresight::fuzz::contains;
using foresight::pipeline::PipelineConfig;
using nlohmann::json;

namespace {

// A bare file name: paths in the file resolve against its (empty) folder, so
// resolving a resolved path again leaves it as it is.
const std::string kFile = "pipeline.json";

// toJson's layout -> the configuration file's layout (docs/pipeline.md).
json asConfigFile(const json& run) {
  json file = {{"name", run.at("name")},
               {"description", run.at("description")},
               {"candidates", run.at("candidates")},
               {"data", run.at("data")},
               {"policy", run.at("policy")}};
  json backtest = run.at("backtest");
  backtest["period"] = backtest.at("seasonal_period");
  backtest.erase("seasonal_period");
  backtest["metric"] = run.at("metric");
  file["backtest"] = backtest;
  json exported = run.at("export");
  if (exported.at("horizon") == 0) exported.erase("horizon");  // 0 = the backtest's horizon
  file["export"] = exported;
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  json run;
  try {
    run = PipelineConfig::fromJson(text, kFile).toJson();
  } catch (const InputError& e) {
    check(contains(e.what(), kFile), "an InputError names the file", e.what());
    check(e.where().line <= foresight::fuzz::physicalLines(text), "a line named lies inside the text", e.what());
    return 0;
  }
  const std::string again = asConfigFile(run).dump(2);
  json back;
  try {
    back = PipelineConfig::fromJson(again, kFile).toJson();
  } catch (const InputError& e) {
    foresight::fuzz::violated("the configuration as run is accepted as a file", again + "\n" + e.what());
  }
  check(back == run, "the configuration round-trips", run.dump() + "\n  became\n  " + back.dump());
  return 0;
}
