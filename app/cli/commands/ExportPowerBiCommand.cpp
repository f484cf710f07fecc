// `foresight export powerbi`: the registered model's forecast as the long
// Power BI CSV (ARCHITECTURE.md §3, docs/powerbi.md), after feeding it the
// data's newer actuals.
#include <ostream>

#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "RegistryCommand.h"
#include "engine/data/SeriesCsv.h"
#include "pipeline/PowerBiExport.h"
#include "pipeline/RegisteredModel.h"
#include "pipeline/RunId.h"

namespace foresight::cli {

class ExportPowerBiCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"export", "powerbi"}; }
  std::string summary() const override { return "Write a registered model's forecast as the Power BI CSV"; }
  ArgParser parser() const override {
    return registryParser(
               "foresight export powerbi --name NAME[@ALIAS|/VERSION] --data SERIES.csv --horizon H --out FILE\n"
               "                         [--level 80,95] [--history N] [--run-id ID] [--registry URI]",
               "Pulls the model (NAME alone means NAME@champion), feeds it the actuals of\n"
               "SERIES.csv it has not seen (no refit), forecasts H periods and writes one row\n"
               "per series and date: series,date,kind,value,lo80,hi80,lo95,hi95,model,\n"
               "model_version,run_id (kind actual|forecast). See docs/powerbi.md.",
               false)
        .option({"name", "NAME[@ALIAS|/VERSION]", "Registered model (default alias: champion)", "", true})
        .option({"data", "SERIES.csv", "Actuals (series,date,value); newer ones update the model", "", true})
        .option({"horizon", "H", "Periods to forecast", "", true})
        .option({"out", "FILE", "CSV to write", "", true})
        .option({"level", "L[,L...]", "Prediction interval levels in percent", std::string(IntervalLevels::kDefaultText), false})
        .option({"history", "N", "Actual periods per series to include (0 = all)", "0", false})
        .option({"run-id", "ID", "Run id for every row (default: the CI run id, else a timestamp)", "", false});
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const int horizon = static_cast<int>(*args.getInt("horizon", 1, Forecaster::kMaxHorizon));
    const int history = static_cast<int>(args.getInt("history", 0, 100000000).value_or(0));
    const auto levels = eval_args::parseLevels(args.getOr("level", std::string(IntervalLevels::kDefaultText)));
    std::string ref = *args.get("name");
    if (ref.find_first_of("@/") == std::string::npos) ref += "@champion";
    const auto reg = open(args, io);
    auto model = pipeline::RegisteredModel::pull(*reg, registry::ModelReference::parse(ref));
    const std::string dataFile = *args.get("data");
    const Panel actuals = SeriesCsv::readFile(dataFile);
    model.updateWith(actuals, dataFile);
    pipeline::PowerBiExport csv(args.get("run-id").value_or(pipeline::makeRunId()));
    model.exportTo(csv, actuals, horizon, levels, history, io.cancel);
    const std::string out = *args.get("out");
    csv.writeFile(out, io.cancel);
    io.err << "foresight: wrote " << csv.actualRows() << " actual and " << csv.forecastRows() << " forecast rows of "
           << model.name() << " v" << model.version().version << " to " << out << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(600, ExportPowerBiCommand);

}  // namespace foresight::cli
