#include "SourceArgs.h"


namespace foresight::cli::source_args {

void declare(ArgParser& p) {
  p.positional({"SOURCE", "Folder, file, sqlite:///abs/path.db or postgresql://user@host:port/db"});
  for (const auto& o : pipeline::SourceRequest::options()) p.option({o.name, o.valueName, o.help, "", false});
}

pipeline::SourceRequest request(const ParsedArgs& args) {
  return pipeline::SourceRequest::fromOptions(args.positionals().front(),
                                              [&](const std::string& n) { return args.get(n); });
}

LoadOptions loadOptions(const CommandIo& io) {
  LoadOptions options;
  options.progress = io.progress();
  options.cancel = io.cancel;
  return options;
}

}  // namespace foresight::cli::source_args
