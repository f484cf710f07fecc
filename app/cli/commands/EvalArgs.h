// Options shared by `foresight backtest` and `foresight compare`: the fold
// settings, interval levels, the series to use, model references, output.
#pragma once

#include <string>
#include <vector>

#include "ArgParser.h"
#include "Command.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/eval/ModelCandidate.h"
#include "engine/models/IntervalLevels.h"

namespace foresight::cli::eval_args {

// Declares --horizon, --folds, --step, --gap, --window, --window-size,
// --level, --period, --threads, --series, --json, --out on `p`.
ArgParser& declareBacktestOptions(ArgParser& p);
// The fold settings from those options; UsageError naming a bad option.
BacktestConfig backtestConfig(const ParsedArgs& args);
// "80,95" -> {80, 95}; UsageError naming the bad item.
std::vector<double> parseLevels(const std::string& text);
// The series CSV, or only its --series; InputError naming the file.
Panel loadPanel(const ParsedArgs& args);
// A model reference: an existing model artifact file (refitted on every fold
// with the artifact's spec, labelled by its file name), a registry reference
// NAME@ALIAS or NAME/VERSION (pulled from --registry, $FORESIGHT_REGISTRY or
// the default registry, then refitted the same way), or a model spec.
ModelCandidate resolveModel(const std::string& ref, const ParsedArgs& args);
// Writes `text` to --out when given (InputError naming the file when it
// cannot be written), else to stdout.
void emit(const std::string& text, const ParsedArgs& args, CommandIo& io);

}  // namespace foresight::cli::eval_args
