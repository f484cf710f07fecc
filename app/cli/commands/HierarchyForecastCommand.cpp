// `foresight hierarchy forecast`: coherent forecasts of every node of a
// hierarchy: base models fitted on all the data, reconciled by one method,
// written as a hierarchy's series CSV (docs/hierarchies.md).
#include <ostream>
#include <sstream>

#include "Command.h"
#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "HierarchyArgs.h"
#include "engine/common/Errors.h"
#include "engine/hierarchy/HierarchicalForecast.h"
#include "engine/io/AtomicFileWriter.h"
#include "engine/models/ForecastTable.h"
#include "engine/models/Forecaster.h"

namespace foresight::cli {

class HierarchyForecastCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"hierarchy", "forecast"}; }
  std::string summary() const override { return "Coherent forecasts of every node of a hierarchy"; }
  ArgParser parser() const override {
    ArgParser p("foresight hierarchy forecast --data HIERARCHY.csv --model SPEC [--bottom-model SPEC]\n"
                "        --horizon H [--method mint_shrink] [--middle-level N] [--non-negative]\n"
                "        [--base FILE] [--level 80,95 --intervals FILE] [--threads N] --out FILE",
                "Fits every node of the hierarchy (series,date,value,level, as `data series\n"
                "--hierarchy` writes them) on all of its data with --model (the bottom series\n"
                "with --bottom-model when given), forecasts H periods, reconciles the\n"
                "forecasts by --method and writes them as a hierarchy's series CSV: every\n"
                "parent equals the sum of its children. --base also writes the forecasts as\n"
                "fitted. With --level, --intervals writes the reconciled forecasts with\n"
                "Gaussian intervals (series,date,mean,lo80,hi80,...; bottom_up and the MinT\n"
                "methods, up to 1,000 nodes): Var = M D R D M', M the method's map, D the\n"
                "base forecasts' standard deviations (their 95% half-width / 1.96), R the\n"
                "in-sample error correlation shrunk as mint_shrink does.\n"
                "The file is written whole or not at all. See docs/hierarchies.md.");
    hierarchy_args::declare(p)
        .option({"horizon", "H", "Periods to forecast", "", true})
        .option({"method", "NAME", "Reconciliation method: " + reconcileMethodList(), "mint_shrink", false})
        .option({"base", "FILE", "Also write the unreconciled base forecasts here", "", false})
        .option({"level", "L[,L...]", "Interval levels for --intervals, e.g. 80,95", "", false})
        .option({"intervals", "FILE", "Write the reconciled forecasts with intervals here (needs --level)", "", false})
        .option({"threads", "N", "Worker threads for the fits (0 = every core)", "0", false})
        .option({"out", "FILE", "Reconciled forecasts CSV to write; '-' writes to stdout", "", true});
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    HierarchicalForecastConfig config;
    config.model = *args.get("model");
    config.bottomModel = args.getOr("bottom-model", "");
    config.reconcile.method = hierarchy_args::methods(args.getOr("method", "mint_shrink"), "--method").at(0);
    if (args.getOr("method", "mint_shrink").find(',') != std::string::npos)
      throw UsageError("--method: one method (hierarchy backtest compares several)");
    config.reconcile.middleDepth = hierarchy_args::middleLevel(args);
    config.reconcile.nonNegative = args.flag("non-negative");
    config.horizon = static_cast<int>(*args.getInt("horizon", 1, Forecaster::kMaxHorizon));
    config.threads = static_cast<int>(args.getInt("threads", 0, 1024).value_or(0));
    if (args.has("level") != args.has("intervals"))
      throw UsageError("--level and --intervals go together (the levels of the intervals file)");
    if (const auto levels = args.get("level")) config.levels = eval_args::parseLevels(*levels);
    const HierarchicalPanel h = hierarchy_args::read(args);
    const HierarchicalForecastResult r = HierarchicalForecast::run(h, config, io.progress(), io.cancel);
    const std::string out = *args.get("out");
    if (const auto base = args.get("base")) HierarchicalSeries::writeFile(*base, r.base, io.cancel);
    if (const auto file = args.get("intervals")) {
      ForecastTable table;
      for (std::size_t i = 0; i < r.intervals.size(); ++i) table.add(r.forecast.panel.series[i].name, r.intervals[i]);
      std::ostringstream text;
      table.writeCsv(text);
      AtomicFileWriter::write(*file, text.str(), io.cancel);
    }
    if (out == "-") HierarchicalSeries::write(io.out, r.forecast);
    else HierarchicalSeries::writeFile(out, r.forecast, io.cancel, io.progress());
    io.err << "foresight: " << h.hierarchy.size() << " nodes x " << config.horizon << " periods reconciled by "
           << reconcileMethodName(config.reconcile.method);
    if (r.lambda) io.err << " (shrinkage lambda " << *r.lambda << ")";
    if (r.negativesSetToZero > 0) io.err << "; " << r.negativesSetToZero << " negative bottom value(s) set to 0";
    io.err << "; written to " << (out == "-" ? std::string("stdout") : out) << "\n";
    return kExitOk;
  }

};

FORESIGHT_REGISTER_COMMAND(340, HierarchyForecastCommand);

}  // namespace foresight::cli
