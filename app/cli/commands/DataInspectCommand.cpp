// `foresight data inspect SOURCE`: what a data source holds — tables, rows,
// date range, measures with exact totals, groupings (docs/data.md).
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "SourceArgs.h"
#include "engine/data/DataJson.h"
#include "engine/data/DatasetSummary.h"
#include "pipeline/DataReportText.h"
#include "pipeline/SourceLoader.h"

namespace foresight::cli {

class DataInspectCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"data", "inspect"}; }
  std::string summary() const override { return "Show what a data source holds: tables, rows, dates, measures"; }
  ArgParser parser() const override {
    ArgParser p("foresight data inspect SOURCE [--json] [--query SQL] [--date-col C --value-col C ...]",
                "Loads SOURCE and reports the tables found, rows read/used/rejected, the date\n"
                "range, the measures with their exact totals and the groupings available.\n"
                "SOURCE is a folder (Adventure Works sales export, or OLTP tables), a file\n"
                "(OLTP table by name, else any delimited file), or a database URI with --query.");
    source_args::declare(p);
    p.flag("json", "Print the summary as JSON");
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto datasets = pipeline::SourceLoader::loadAll(source_args::request(args), source_args::loadOptions(io));
    if (args.flag("json")) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& d : datasets) list.push_back(DataJson::summary(DatasetSummary::of(d)));
      io.out << nlohmann::json{{"source", datasets.front().source}, {"datasets", list}}.dump(2) << "\n";
      return kExitOk;
    }
    for (std::size_t i = 0; i < datasets.size(); ++i)
      io.out << (i ? "\n" : "") << pipeline::DataReportText::summary(DatasetSummary::of(datasets[i]));
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(110, DataInspectCommand);

}  // namespace foresight::cli
