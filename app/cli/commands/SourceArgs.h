// The SOURCE argument and source options shared by the `data` commands:
// declares them on a parser and turns parsed arguments into a load.
#pragma once

#include "ArgParser.h"
#include "Command.h"
#include "engine/data/LoadOptions.h"
#include "pipeline/SourceRequest.h"

namespace foresight::cli::source_args {

// Adds the SOURCE positional and --query, --date-col, ... to `p`.
void declare(ArgParser& p);

// The request named by SOURCE and the source options.
pipeline::SourceRequest request(const ParsedArgs& args);

// Progress on stderr when it is a terminal; Ctrl-C stops the load.
LoadOptions loadOptions(const CommandIo& io);

}  // namespace foresight::cli::source_args
