// `foresight data inspect SOURCE`: what a data source holds — tables, rows,
// date range, measures with exact totals, groupings — and the demand pattern
// of the series the series options build (docs/data.md).
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "SeriesArgs.h"
#include "SourceArgs.h"
#include "engine/common/Errors.h"
#include "engine/data/DataJson.h"
#include "engine/data/DatasetSummary.h"
#include "engine/data/SeriesBuilder.h"
#include "pipeline/DataReportText.h"
#include "pipeline/SourceLoader.h"

namespace foresight::cli {

class DataInspectCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"data", "inspect"}; }
  std::string summary() const override { return "Show what a data source holds: tables, rows, dates, measures"; }
  ArgParser parser() const override {
    ArgParser p("foresight data inspect SOURCE [--json] [--measure M] [--freq F] [--by G] [--agg A] [--fill P]\n"
                "       [--from DATE] [--to DATE] [--query SQL] [--date-col C --value-col C ...]",
                "Loads SOURCE and reports the tables found, rows read/used/rejected, the date\n"
                "range, the measures with their exact totals and the groupings available.\n"
                "Then the demand pattern of each series that `data series` would build with\n"
                "the same options (one total series without --by): its share of zero periods,\n"
                "ADI and CV\u00b2 and its Syntetos-Boylan class (smooth, erratic, intermittent,\n"
                "lumpy; inactive when it has stopped; not_demand when it goes negative).\n"
                "SOURCE is a folder (Adventure Works sales export, or OLTP tables), a file\n"
                "(OLTP table by name, else any delimited file), or a database URI with --query.");
    series_args::declare(p);
    source_args::declare(p);
    p.flag("json", "Print the summary as JSON");
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const SeriesRequest request = series_args::request(args);
    const auto datasets = pipeline::SourceLoader::loadAll(source_args::request(args), source_args::loadOptions(io));
    // A source whose rows make no series (a table without dates) still gets
    // its summary; the reason stands where the patterns would.
    const auto seriesOf = [&](const LoadedData& d, std::string& why) -> std::optional<Panel> {
      try {
        return SeriesBuilder::build(d, request);
      } catch (const InputError& e) {
        why = e.what();
        return std::nullopt;
      }
    };
    if (args.flag("json")) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& d : datasets) {
        nlohmann::json summary = DataJson::summary(DatasetSummary::of(d));
        std::string why;
        if (const auto panel = seriesOf(d, why)) summary["demand_patterns"] = DataJson::demandPatterns(*panel);
        else summary["demand_patterns_error"] = why;
        list.push_back(std::move(summary));
      }
      io.out << nlohmann::json{{"source", datasets.front().source}, {"datasets", list}}.dump(2) << "\n";
      return kExitOk;
    }
    for (std::size_t i = 0; i < datasets.size(); ++i) {
      io.out << (i ? "\n" : "") << pipeline::DataReportText::summary(DatasetSummary::of(datasets[i]));
      std::string why;
      if (const auto panel = seriesOf(datasets[i], why)) io.out << pipeline::DataReportText::demandPatterns(*panel);
      else io.out << "  demand patterns: none (" << why << ")\n";
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(110, DataInspectCommand);

}  // namespace foresight::cli
