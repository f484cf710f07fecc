// `foresight benchmark m4`: scores model specs on M4 competition data with
// the organisers' rules (sMAPE, MASE, OWA against Naive2).
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "engine/eval/M4Benchmark.h"
#include "engine/models/ModelSpec.h"

namespace foresight::cli {

class BenchmarkM4Command : public Command {
 public:
  std::vector<std::string> path() const override { return {"benchmark", "m4"}; }
  std::string summary() const override { return "Score models on M4 competition data (sMAPE, MASE, OWA)"; }
  ArgParser parser() const override {
    return ArgParser("foresight benchmark m4 --train TRAIN.csv --test TEST.csv --models SPECS\n"
                     "        [--limit N] [--threads N] [--json] [--out FILE]",
                     "Fits every model on each M4 training series and forecasts its test horizon.\n"
                     "Scores follow the M4 organisers: sMAPE = mean 200|y-f|/(|y|+|f|); MASE\n"
                     "scaled by the in-sample seasonal naive error with their frequencies (Y 1,\n"
                     "Q 4, M 12, W 1, D 1); OWA = mean of the sMAPE and MASE ratios to Naive2.\n"
                     "Models with a period parameter get the same period. Files: the M4 CSVs\n"
                     "(\"V1\" id column, values padded with empty fields). See docs/benchmarks.md.")
        .option({"train", "TRAIN.csv", "M4 training file, e.g. Weekly-train.csv", "", true})
        .option({"test", "TEST.csv", "M4 test file with the same series, e.g. Weekly-test.csv", "", true})
        .option({"models", "SPECS", "Model specs, e.g. naive2,ses,theta", "", true})
        .option({"limit", "N", "Only the first N series (0 = all)", "0", false})
        .option({"threads", "N", "Worker threads (0 = one per core)", "0", false})
        .option({"out", "FILE", "Write the result here instead of stdout", "", false})
        .flag("json", "Print the scores as JSON");
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    std::vector<std::string> specs;
    for (const auto& s : ModelSpec::parseList(*args.get("models"))) specs.push_back(s.toString());
    M4Options options;
    options.limit = static_cast<std::size_t>(*args.getInt("limit", 0, 100000000));
    options.threads = static_cast<int>(*args.getInt("threads", 0, 1024));
    const M4BenchmarkResult r = M4Benchmark::run(*args.get("train"), *args.get("test"), specs, options,
                                                 io.progress(), io.cancel);
    eval_args::emit(args.flag("json") ? r.toJson().dump(2) + "\n" : r.toText(), args, io);
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(320, BenchmarkM4Command);

}  // namespace foresight::cli
