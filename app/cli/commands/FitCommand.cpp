// `foresight fit`: fits a model spec on a series CSV and writes a model
// artifact (a panel artifact when the file holds several series).
#include <climits>  // INT_MAX
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "engine/common/Errors.h"
#include "engine/data/SeriesCsv.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/PanelFitter.h"

namespace foresight::cli {

namespace {

// Errors about a series name the file where the series came from.
InputError inFile(const InputError& e, const std::string& file) {
  InputLocation w = e.where();
  if (w.file.empty()) w.file = file;
  return InputError(w, e.problem());
}

const TimeSeries& pickSeries(const Panel& panel, const std::string& name, const std::string& file) {
  if (const TimeSeries* s = panel.find(name)) return *s;
  std::string known;
  for (const auto& s : panel.series) known += (known.empty() ? "" : ", ") + s.name;
  throw InputError(InputLocation{file, 0, "series", name}, "no such series in the file; it has: " + known);
}

nlohmann::ordered_json summaryJson(const std::vector<const Forecaster*>& models, const std::string& out,
                                   const std::vector<PanelFitFailure>& failures) {
  nlohmann::ordered_json series = nlohmann::ordered_json::array();
  for (const Forecaster* m : models) {
    const auto entry = ModelArtifact::entry(*m, [] { return std::string(); });
    series.push_back({{"series", m->info().series},
                      {"n", m->info().n},
                      {"start", m->info().start.toIso()},
                      {"end", m->info().end.toIso()},
                      {"params", m->params()},
                      {"metrics", entry["fit"]["metrics"]},
                      {"warnings", m->warnings()}});
  }
  nlohmann::ordered_json failed = nlohmann::ordered_json::array();
  for (const auto& f : failures) failed.push_back({{"series", f.series}, {"error", f.message}});
  return {{"out", out},
          {"model", models.empty() ? std::string() : models.front()->specText()},
          {"series", std::move(series)},
          {"failures", std::move(failed)}};
}

void printText(const std::vector<const Forecaster*>& models, const std::string& out, std::ostream& os) {
  os << "Fitted " << models.front()->specText() << " on " << models.size() << " series -> " << out << "\n";
  constexpr std::size_t kShown = 20;
  for (std::size_t k = 0; k < models.size() && k < kShown; ++k) {
    const auto& i = models[k]->info();
    os << "  " << i.series << ": " << i.n << " observations " << i.start.toIso() << " .. " << i.end.toIso()
       << ", params " << models[k]->params().dump() << "\n";
  }
  if (models.size() > kShown) os << "  ... and " << models.size() - kShown << " more series (all with --json)\n";
}

// Each warning once per series, named; a long panel shows the first few.
void printWarnings(const std::vector<const Forecaster*>& models, std::ostream& err) {
  constexpr std::size_t kShown = 10;
  std::size_t count = 0;
  for (const Forecaster* m : models)
    for (const auto& w : m->warnings()) {
      if (++count > kShown) continue;
      const std::string label = "series '" + m->info().series + "'";
      err << "warning: " << (w.find(label) == std::string::npos ? label + ": " : "") << w << "\n";
    }
  if (count > kShown) err << "warning: ... and " << count - kShown << " more (all of them with --json)\n";
}

}  // namespace

class FitCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"fit"}; }
  std::string summary() const override { return "Fit a model on a series CSV and save it"; }
  ArgParser parser() const override {
    return ArgParser("foresight fit --data SERIES.csv --model SPEC --out MODEL.json [--series NAME]",
                     "Fits SPEC (see 'foresight models') on a tidy series CSV (series,date,value)\n"
                     "and writes a model artifact. A file with several series gives a panel\n"
                     "artifact (one model per series, fitted in parallel) unless --series picks\n"
                     "one. A series that cannot be fitted is reported and left out.")
        .option({"data", "SERIES.csv", "Series CSV: series,date,value (or date,value); - reads stdin", "", true})
        .option({"model", "SPEC", "Model spec, e.g. snaive or ets(error=A,trend=Ad)", "", true})
        .option({"out", "MODEL.json", "Model artifact to write", "", true})
        .option({"series", "NAME", "Fit only this series of the file", "", false})
        .option({"threads", "N", "Parallel fits for a panel (0 = one per core)", "0", false})
        .flag("json", "Print a summary as JSON");
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const std::string data = *args.get("data"), out = *args.get("out");
    const ModelSpec spec = ModelSpec::parse(*args.get("model"));
    (void)ModelFactory::create(spec);  // a bad spec fails before the data is read
    const Panel panel = SeriesCsv::readFile(data);

    std::vector<std::unique_ptr<Forecaster>> owned;
    std::vector<PanelFitFailure> failures;
    bool isPanel = false;
    if (args.get("series") || panel.series.size() == 1) {
      const TimeSeries& s = args.get("series") ? pickSeries(panel, *args.get("series"), data) : panel.series.front();
      auto model = ModelFactory::create(spec);
      try {
        model->fit(s, io.cancel);
      } catch (const InputError& e) {
        throw inFile(e, data);
      }
      owned.push_back(std::move(model));
    } else {
      isPanel = true;
      PanelFitOptions options;
      options.threads = static_cast<int>(*args.getInt("threads", 0, 1024));
      options.cancel = io.cancel;
      options.progress = io.progress();
      if (io.errIsTerminal)
        options.progress = [&io, total = panel.series.size()](double f, std::string_view) {
          io.err << "\rfitting: " << static_cast<std::size_t>(f * static_cast<double>(total) + 0.5) << "/" << total
                 << " series" << (f >= 1 ? "\n" : "") << std::flush;
        };
      PanelFitResult result = PanelFitter(spec, options).fit(panel);
      failures = result.failures;
      for (auto& m : result.models)
        if (m) owned.push_back(std::move(m));
      for (const auto& f : failures) io.err << "foresight: series '" << f.series << "' not fitted: " << f.message << "\n";
      if (owned.empty())
        throw InputError(InputLocation{data, 0, "", ""}, "no series could be fitted (" + failures.front().message + ")");
    }

    std::vector<const Forecaster*> models;
    for (const auto& m : owned) models.push_back(m.get());
    printWarnings(models, io.err);
    ModelArtifact::write(out, ModelArtifact::build(models, isPanel), io.cancel);
    if (args.flag("json"))
      io.out << summaryJson(models, out, failures).dump(2) << "\n";
    else
      printText(models, out, io.out);
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(210, FitCommand);

}  // namespace foresight::cli
