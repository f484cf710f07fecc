#include "EvalArgs.h"

#include <filesystem>
#include <ostream>

#include "engine/common/Errors.h"
#include "engine/data/SeriesCsv.h"
#include "engine/io/AtomicFileWriter.h"
#include "engine/models/ModelArtifact.h"
#include "registry/ModelReference.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryUri.h"

namespace foresight::cli::eval_args {

ArgParser& declareBacktestOptions(ArgParser& p) {
  return p.option({"horizon", "H", "Points scored per fold (the forecast horizon)", "", true})
      .option({"folds", "K", "Number of folds (forecast origins)", "", true})
      .option({"step", "S", "Periods between origins (default: the horizon)", "", false})
      .option({"gap", "G", "Periods between training end and the first scored point", "0", false})
      .option({"window", "expanding|sliding", "Training window of each fold", "expanding", false})
      .option({"window-size", "N", "Sliding window length (default: the first fold's)", "", false})
      .option({"level", "L[,L...]", "Prediction interval levels scored, in percent", std::string(IntervalLevels::kDefaultText), false})
      .option({"period", "M", "Seasonal period of the MASE/RMSSE scale (default: the frequency's)", "", false})
      .option({"threads", "N", "Worker threads (0 = one per core)", "0", false})
      .option({"series", "NAME", "Use only this series of the file", "", false})
      .option({"out", "FILE", "Write the result here instead of stdout", "", false})
      .flag("json", "Print every fold, step and metric as JSON");
}

std::vector<double> parseLevels(const std::string& text) {
  std::vector<double> levels;
  try {
    levels = IntervalLevels::parse(text, "--level");
  } catch (const InputError& e) {
    throw UsageError("--level: " + e.problem());
  }
  if (levels.empty()) throw UsageError("--level: name at least one level (e.g. " + std::string(IntervalLevels::kDefaultText) + ")");
  return levels;
}

BacktestConfig backtestConfig(const ParsedArgs& args) {
  BacktestConfig c;
  c.horizon = static_cast<int>(*args.getInt("horizon", 1, 100000));
  c.folds = static_cast<int>(*args.getInt("folds", 1, 100000));
  if (args.get("step")) c.step = static_cast<int>(*args.getInt("step", 1, 100000));
  c.gap = static_cast<int>(*args.getInt("gap", 0, 100000));
  const std::string window = args.getOr("window", "expanding");
  if (window != "expanding" && window != "sliding")
    throw UsageError("--window: " + quoteForMessage(window) + " is not 'expanding' or 'sliding'");
  c.window = parseWindowKind(window);
  if (args.get("window-size")) {
    if (c.window != WindowKind::Sliding) throw UsageError("--window-size needs --window sliding");
    c.windowSize = static_cast<int>(*args.getInt("window-size", 1, 100000000));
  }
  c.levels = parseLevels(args.getOr("level", std::string(IntervalLevels::kDefaultText)));
  if (args.get("period")) c.seasonalPeriod = static_cast<int>(*args.getInt("period", 1, 10000));
  c.threads = static_cast<int>(*args.getInt("threads", 0, 1024));
  return c;
}

Panel loadPanel(const ParsedArgs& args) {
  const std::string data = *args.get("data");
  Panel panel = SeriesCsv::readFile(data);
  const auto name = args.get("series");
  if (!name) return panel;
  if (const TimeSeries* s = panel.find(*name)) return Panel{{*s}};
  std::string known;
  for (const auto& s : panel.series) known += (known.empty() ? "" : ", ") + s.name;
  throw InputError(InputLocation{data, 0, "series", *name}, "no such series in the file; it has: " + known);
}

namespace {

// A registry reference has '@' or '/' before any parenthesis; a spec keeps
// such characters (file paths) inside its parentheses.
bool looksLikeRegistryReference(const std::string& ref) {
  const auto special = ref.find_first_of("@/");
  return special != std::string::npos && special < ref.find('(');
}

ModelCandidate fromArtifact(const ModelArtifact::Loaded& loaded, const std::string& source, std::string label) {
  if (loaded.models.empty()) throw InputError(InputLocation{source, 0, "", ""}, "the model artifact holds no model");
  // A panel artifact holds one model per series, all made from the same spec.
  return ModelCandidate::fromSpec(loaded.models.front()->specText(), std::move(label));
}

}  // namespace

ModelCandidate resolveModel(const std::string& ref, const ParsedArgs& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(ref, ec)) return fromArtifact(ModelArtifact::read(ref), ref, fs::path(ref).filename().string());
  if (ref.size() > 5 && ref.compare(ref.size() - 5, 5, ".json") == 0)
    throw InputError(InputLocation{ref, 0, "", ""}, "no such model file");
  if (looksLikeRegistryReference(ref)) {
    const auto reference = registry::ModelReference::parse(ref);
    registry::ModelRegistry reg(registry::RegistryUri::resolve(args.get("registry")));
    const auto pulled = reg.pull(reference);
    return fromArtifact(ModelArtifact::parse(pulled.bytes, ref), ref, ref);
  }
  return ModelCandidate::fromSpec(ref);
}

void emit(const std::string& text, const ParsedArgs& args, CommandIo& io) {
  const auto out = args.get("out");
  if (!out) {
    io.out << text;
    return;
  }
  AtomicFileWriter::write(*out, text, io.cancel);
}

}  // namespace foresight::cli::eval_args
