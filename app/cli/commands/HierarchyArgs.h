// Options shared by `hierarchy backtest` and `hierarchy forecast`: the
// hierarchy's series file, the base models, and how to reconcile.
#pragma once

#include <vector>

#include "ArgParser.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/hierarchy/ReconcileMethod.h"

namespace foresight::cli::hierarchy_args {

// Declares --data, --model, --bottom-model, --middle-level, --non-negative.
ArgParser& declare(ArgParser& p);
// The hierarchy read from --data ('-' = stdin); InputError naming the file.
HierarchicalPanel read(const ParsedArgs& args);
// "bottom_up,mint_shrink" -> methods; UsageError naming `option` and the
// unknown name.
std::vector<ReconcileMethod> methods(const std::string& text, const std::string& option);
// --middle-level as a whole number (default 1).
int middleLevel(const ParsedArgs& args);

}  // namespace foresight::cli::hierarchy_args
