// `foresight pipeline run PIPELINE.json`: the build/retrain pipeline
// (docs/pipeline.md). Command-line values override the file's; exit 3 with
// --fail-if-not-promoted when the policy kept the champion.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "engine/common/Errors.h"
#include "engine/eval/ModelCandidate.h"
#include "pipeline/PipelineConfig.h"
#include "pipeline/PipelineRunner.h"

namespace foresight::cli {

class PipelineRunCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"pipeline", "run"}; }
  std::string summary() const override { return "Train, backtest, gate, register, promote, export and report"; }
  ArgParser parser() const override {
    ArgParser p("foresight pipeline run PIPELINE.json [--data SOURCE] [--candidates SPECS] [--registry URI]\n"
                "                           [--out RUN_DIR] [--run-id ID] [--fail-if-not-promoted] [--no-promote] [--json]",
                "Loads and validates the data, builds the series, backtests the candidates\n"
                "(rolling origin, in parallel), compares the best with the registered champion\n"
                "on the same folds, registers it, promotes it when the policy says so (else the\n"
                "kept champion is recorded with the reasons), writes the Power BI CSV and the\n"
                "report. The run folder gets report.json, report.md (+ SVG charts), powerbi.csv,\n"
                "model.json and run.log. --no-promote stops at the approval (a release step then\n"
                "runs 'registry promote NAME VERSION --expect CHAMPION_BEFORE'). Exit 3 with\n"
                "--fail-if-not-promoted when the policy did not approve, 4 when someone else\n"
                "moved the champion meanwhile.");
    p.positional({"PIPELINE.json", "Pipeline configuration (docs/pipeline.md)"});
    p.option({"data", "SOURCE", "Data source (folder, file, series CSV or database URI); overrides data.source", "", false});
    p.option({"candidates", "SPECS", "Comma-separated model specs; override candidates", "", false});
    p.option({"registry", "URI", "Registry URI; overrides registry (default: $FORESIGHT_REGISTRY, else the user's data folder)", "", false});
    p.option({"out", "RUN_DIR", "Run folder; overrides out (default: runs/NAME/RUN_ID)", "", false});
    p.option({"run-id", "ID", "Run id (default: the CI run id, else a timestamp)", "", false});
    p.flag("fail-if-not-promoted", "Exit 3 when the policy did not approve the challenger (a CI gate)");
    p.flag("no-promote", "Register and record the approval, but leave moving the champion to a release step");
    p.flag("json", "Print the run's summary as JSON on stdout");
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    pipeline::PipelineConfig config = pipeline::PipelineConfig::fromFile(args.positionals().front());
    if (const auto d = args.get("data")) config.source = *d;
    if (const auto c = args.get("candidates")) {
      config.candidates = pipeline::PipelineConfig::splitSpecs(*c);
      for (const auto& spec : config.candidates) {
        try {
          ModelCandidate::fromSpec(spec);  // fail before any data is loaded
        } catch (const InputError& e) {
          throw UsageError("--candidates: " + std::string(e.what()));
        }
      }
    }
    if (const auto r = args.get("registry")) config.registry = *r;
    if (const auto o = args.get("out")) config.out = *o;
    pipeline::PipelineRunOptions options;
    options.cancel = io.cancel;
    options.runId = args.getOr("run-id", "");
    options.promote = !args.flag("no-promote");
    // A bar on a terminal; log lines otherwise (CI logs).
    options.progress = io.progress();
    if (!io.errIsTerminal) options.log = [&io](const std::string& line) { io.err << "foresight: " << line << "\n"; };
    const pipeline::PipelineRunResult r = pipeline::PipelineRunner(config, options).run();
    if (args.flag("json")) {
      io.out << nlohmann::json{{"run_id", r.runId},
                               {"run_dir", r.runDir.string()},
                               {"version", r.version},
                               {"approved", r.approved},
                               {"promoted", r.promoted},
                               {"champion_before", r.championBefore ? nlohmann::json(*r.championBefore) : nlohmann::json("none")},
                               {"champion", r.championAfter},
                               {"decision", r.decision},
                               {"report", r.reportMd.string()},
                               {"powerbi_csv", r.powerBiCsv.string()}}
                    .dump(2)
             << "\n";
    } else {
      const std::string stays = r.championAfter ? "champion stays v" + std::to_string(r.championAfter) : "no champion yet";
      io.out << config.name << " v" << r.version
             << (r.promoted   ? std::string(" promoted to champion")
                 : r.approved ? " approved for release; " + stays
                              : " registered; " + stays)
             << "\n"
             << r.decision << "\n"
             << "Forecast CSV: " << r.powerBiCsv.string() << "\n"
             << "Report:       " << r.reportMd.string() << "\n";
    }
    return !r.approved && args.flag("fail-if-not-promoted") ? kExitGateRefused : kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(500, PipelineRunCommand);

}  // namespace foresight::cli
