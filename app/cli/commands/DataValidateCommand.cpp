// `foresight data validate SOURCE`: the findings about a data source, with
// severity and code; exit 2 when any finding is an error (docs/data.md).
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "SourceArgs.h"
#include "engine/data/DataJson.h"
#include "engine/data/DataValidator.h"
#include "pipeline/DataReportText.h"
#include "pipeline/SourceLoader.h"

namespace foresight::cli {

class DataValidateCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"data", "validate"}; }
  std::string summary() const override { return "Check a data source and list findings; exit 2 on errors"; }
  ArgParser parser() const override {
    ArgParser p("foresight data validate SOURCE [--json] [--query SQL] [--date-col C --value-col C ...]",
                "Loads SOURCE and lists findings with severity (error, warning, info) and a\n"
                "code: rows read/used/rejected with the reasons and lines, duplicate keys and\n"
                "rows, unknown product/territory keys, negative or non-numeric values, days\n"
                "without data, outlying daily totals, the date range.\n"
                "Exit status 2 when any finding is an error (or SOURCE cannot be read at all).");
    source_args::declare(p);
    p.flag("json", "Print the findings as JSON");
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto datasets = pipeline::SourceLoader::loadAll(source_args::request(args), source_args::loadOptions(io));
    std::size_t errors = 0, warnings = 0;
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < datasets.size(); ++i) {
      const auto& d = datasets[i];
      const FindingLog log = DataValidator::validate(d);
      errors += log.countOf(Severity::Error);
      warnings += log.countOf(Severity::Warning);
      if (args.flag("json")) {
        nlohmann::json j = DataJson::findings(log);
        j["source"] = d.source;
        j["description"] = d.description;
        list.push_back(std::move(j));
      } else {
        io.out << (i ? "\n" : "") << d.source << ": " << d.description << "\n"
               << pipeline::DataReportText::findings(log);
      }
    }
    if (args.flag("json"))
      io.out << nlohmann::json{{"source", datasets.front().source}, {"ok", errors == 0}, {"errors", errors},
                               {"warnings", warnings}, {"datasets", list}}
                    .dump(2)
             << "\n";
    else
      io.out << (errors == 0 ? "OK" : "FAILED") << ": " << errors << " error finding(s), " << warnings
             << " warning finding(s)\n";
    return errors == 0 ? kExitOk : kExitBadInput;
  }
};

FORESIGHT_REGISTER_COMMAND(120, DataValidateCommand);

}  // namespace foresight::cli
