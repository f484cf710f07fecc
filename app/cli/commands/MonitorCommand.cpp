// `foresight monitor`: the champion against newer actuals and the data
// against its past (docs/pipeline.md); exit 3 on an alert, reasons in words.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "engine/data/SeriesCsv.h"
#include "pipeline/ChampionMonitor.h"

namespace foresight::cli {

class MonitorCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"monitor"}; }
  std::string summary() const override { return "Check the champion against newer actuals and the data for drift; exit 3 on alert"; }
  ArgParser parser() const override {
    return registryParser(
               "foresight monitor --name NAME[@ALIAS|/VERSION] --data SERIES.csv [--window N]\n"
               "                  [--max-mase-ratio R] [--alpha A] [--registry URI] [--json]",
               "Feeds the model the actuals after its training data block by block (its backtest\n"
               "horizon at a time, no refit) and compares its MASE over the last N of them with\n"
               "the MASE of its registered backtest; tests the last N periods of the data against\n"
               "the 4N before for a level shift (Welch t-test) and a volatility shift\n"
               "(Brown-Forsythe). Exit 3 when the MASE ratio exceeds R or a test's p-value is\n"
               "below A, with the reasons on stderr.")
        .option({"name", "NAME[@ALIAS|/VERSION]", "Registered model (default alias: champion)", "", true})
        .option({"data", "SERIES.csv", "Actuals (series,date,value), including the newer ones", "", true})
        .option({"window", "N", "Recent periods (default: 4 x the backtest horizon, at least 28)", "", false})
        .option({"max-mase-ratio", "R", "Alert when recent MASE > R x backtest MASE", "1.5", false})
        .option({"alpha", "A", "Alert when a shift test's p-value < A", "0.01", false});
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    pipeline::MonitorOptions options;
    options.window = static_cast<int>(args.getInt("window", 3, 10000000).value_or(0));
    options.maxMaseRatio = number(args, "max-mase-ratio", options.maxMaseRatio);
    options.alpha = number(args, "alpha", options.alpha);
    options.cancel = io.cancel;
    const std::string dataFile = *args.get("data");
    const Panel data = SeriesCsv::readFile(dataFile);
    const auto reg = open(args, io);
    const pipeline::MonitorReport report = pipeline::ChampionMonitor::run(*reg, *args.get("name"), data, dataFile, options);
    if (args.flag("json")) {
      printJson(io, report.json);
    } else {
      io.out << report.json["model"].get<std::string>() << " v" << report.json["version"].get<int>() << ": "
             << (report.alert ? "ALERT" : "ok") << "\n";
      for (const auto& s : report.json["series"]) {
        const auto& p = s["performance"];
        io.out << "  " << s["series"].get<std::string>() << ": " << p["scored"].get<int>() << " newer actuals scored";
        if (p["mase_ratio"].is_number()) io.out << ", MASE " << p["mase"].get<double>() << " = " << p["mase_ratio"].get<double>() << " x backtest";
        for (const auto& t : s["drift"]) io.out << ", " << t["test"].get<std::string>() << " p = " << t["p_value"].get<double>();
        io.out << "\n";
      }
    }
    for (const auto& r : report.reasons) io.err << "foresight: alert: " << r << "\n";
    return report.alert ? kExitGateRefused : kExitOk;
  }

 private:
  static double number(const ParsedArgs& args, const std::string& name, double fallback) {
    const auto text = args.get(name);
    if (!text) return fallback;
    try {
      std::size_t used = 0;
      const double v = std::stod(*text, &used);
      if (used == text->size() && v > 0) return v;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + ": expected a positive number, got " + quoteForMessage(*text));
  }
};

FORESIGHT_REGISTER_COMMAND(520, MonitorCommand);

}  // namespace foresight::cli
