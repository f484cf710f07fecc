// `foresight forecast`: forecasts from a saved model artifact, optionally
// after feeding it newer actuals (no refit).
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "engine/common/Errors.h"
#include "engine/data/SeriesCsv.h"
#include "engine/io/AtomicFileWriter.h"
#include "engine/models/ForecastTable.h"
#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelUpdater.h"

namespace foresight::cli {

namespace {

void emit(const ForecastTable& table, const std::string& format, std::ostream& out) {
  if (format == "json")
    out << table.toJson().dump(2) << "\n";
  else
    table.writeCsv(out);
}

}  // namespace

class ForecastCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"forecast"}; }
  std::string summary() const override { return "Forecast from a saved model"; }
  ArgParser parser() const override {
    return ArgParser("foresight forecast --model MODEL.json --horizon H [--level 80,95] [--format csv|json]\n"
                     "                          [--data NEWER.csv] [--series NAME] [--out FILE]",
                     "Forecasts H periods after the model's data, with prediction intervals.\n"
                     "--data feeds newer actuals (series,date,value) to the saved state first,\n"
                     "without refitting: they must continue the fitted data (dates already seen\n"
                     "must carry the same values). CSV columns: series,date,mean,lo80,hi80,...")
        .option({"model", "MODEL.json", "Model artifact written by 'foresight fit'", "", true})
        .option({"horizon", "H", "Periods to forecast", "", true})
        .option({"level", "L[,L...]", "Prediction interval levels in percent", std::string(IntervalLevels::kDefaultText), false})
        .option({"format", "csv|json", "Output format", "csv", false})
        .option({"data", "NEWER.csv", "Newer actuals to update the state with", "", false})
        .option({"series", "NAME", "Forecast only this series of a panel", "", false})
        .option({"out", "FILE", "Write here instead of standard output", "", false});
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const int horizon = static_cast<int>(*args.getInt("horizon", 1, Forecaster::kMaxHorizon));
    const std::vector<double> levels = eval_args::parseLevels(args.getOr("level", std::string(IntervalLevels::kDefaultText)));
    const std::string format = args.getOr("format", "csv");
    if (format != "csv" && format != "json") throw UsageError("--format: expected csv or json, got " + quoteForMessage(format));

    ModelArtifact::Loaded loaded = ModelArtifact::read(*args.get("model"));
    std::vector<Forecaster*> models;
    for (auto& m : loaded.models) models.push_back(m.get());
    if (const auto data = args.get("data")) ModelUpdater::apply(models, SeriesCsv::readFile(*data), *data);

    ForecastTable table;
    const auto only = args.get("series");
    if (!loaded.hierarchy.is_null()) {
      // A hierarchy forecasts every node at once, reconciled (docs/hierarchies.md).
      std::vector<const Forecaster*> nodes(models.begin(), models.end());
      const HierarchicalModel h = HierarchicalModel::fromSection(loaded.hierarchy, std::move(nodes), *args.get("model"));
      const std::vector<Forecast> forecasts = h.forecast(horizon, levels);
      for (std::size_t i = 0; i < forecasts.size(); ++i) {
        const std::string& node = h.hierarchy().nodes()[i].name;
        if (!only || node == *only) table.add(node, forecasts[i]);
      }
    } else {
      for (const Forecaster* m : models) {
        io.checkCancelled();
        if (!only || m->info().series == *only) table.add(m->info().series, m->forecast(horizon, levels));
      }
    }
    if (only && table.toJson().empty())
      throw InputError(InputLocation{*args.get("model"), 0, "series", *only}, "no model in the file was fitted on this series");

    if (const auto out = args.get("out")) {
      AtomicFileWriter file(*out, io.cancel);
      emit(table, format, file.stream());
      file.commit();
    } else {
      emit(table, format, io.out);
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(220, ForecastCommand);

}  // namespace foresight::cli
