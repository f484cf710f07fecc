// The options that say which series to build from a source (--measure,
// --freq, --by, --agg, --fill, --from, --to), shared by `data series` and
// `data inspect`: declared on a parser and turned into a SeriesRequest.
#pragma once

#include "ArgParser.h"
#include "engine/data/SeriesRequest.h"

namespace foresight::cli::series_args {

void declare(ArgParser& p);

// UsageError naming the option and the values allowed for a bad value.
SeriesRequest request(const ParsedArgs& args);

}  // namespace foresight::cli::series_args
