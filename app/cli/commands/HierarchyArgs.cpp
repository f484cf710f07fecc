#include "HierarchyArgs.h"

#include "Command.h"
#include "engine/common/Errors.h"
#include "engine/io/InputFile.h"

namespace foresight::cli::hierarchy_args {

ArgParser& declare(ArgParser& p) {
  return p.option({"data", "HIERARCHY.csv", "A hierarchy's series CSV: series,date,value,level ('-' reads stdin)", "", true})
      .option({"model", "SPEC", "Model spec for every node, e.g. ets or theta", "", true})
      .option({"bottom-model", "SPEC", "Model spec for the bottom series instead, e.g. croston(type=sba)", "", false})
      .option({"middle-level", "N", "middle_out's level: 1 is the level below the total", "1", false})
      .flag("non-negative", "Hold reconciled bottom forecasts at 0 or above (for data that cannot go negative)");
}

HierarchicalPanel read(const ParsedArgs& args) {
  const std::string data = *args.get("data");
  return HierarchicalSeries::read(readInputText(data), data == "-" ? "stdin" : data);
}

std::vector<ReconcileMethod> methods(const std::string& text, const std::string& option) {
  std::vector<ReconcileMethod> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    const std::string name = text.substr(pos, comma - pos);
    const auto m = parseReconcileMethod(name);
    if (!m)
      throw UsageError(option + ": unknown method " + quoteForMessage(name) + " (use " + reconcileMethodList() + ")");
    out.push_back(*m);
    pos = comma + 1;
  }
  return out;
}

int middleLevel(const ParsedArgs& args) { return static_cast<int>(args.getInt("middle-level", 1, 1000).value_or(1)); }

}  // namespace foresight::cli::hierarchy_args
