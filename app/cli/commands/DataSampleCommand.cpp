// `foresight data sample`: writes the built-in synthetic dataset in the
// Adventure Works sales-export layout (see docs/sample-data.md).
#include <climits>  // LLONG_MAX
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "Command.h"
#include "CommandRegistry.h"
#include "engine/common/Errors.h"
#include "engine/sample/SampleDataGenerator.h"

namespace foresight::cli {

namespace {
Date parseDateOption(const ParsedArgs& args, const std::string& name, Date fallback) {
  const auto text = args.get(name);
  if (!text) return fallback;
  const auto d = Date::parseIso(*text);
  if (!d)
    throw UsageError("--" + name + ": expected a date YYYY-MM-DD, got " + quoteForMessage(*text));
  return *d;
}

// 226088123400 -> "22608812.34": exact, no thousands separators.
std::string money(std::int64_t tenThousandths) {
  std::string s = std::to_string(tenThousandths / 10000);
  std::string fraction = std::to_string(10000 + tenThousandths % 10000).substr(1);
  while (fraction.size() > 2 && fraction.back() == '0') fraction.pop_back();
  return s + "." + fraction;
}

std::string joinDates(const std::vector<Date>& dates) {
  std::string s;
  for (const auto d : dates) s += (s.empty() ? "" : ", ") + d.toIso();
  return s.empty() ? "none in this range" : s;
}

nlohmann::ordered_json toJson(const SampleDataSummary& s) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& f : s.files)
    files.push_back({{"name", f.name}, {"rows", f.rows}, {"bytes", f.bytes}});
  nlohmann::ordered_json noOrders = nlohmann::ordered_json::array();
  for (const auto d : SampleDataGenerator::noOrderDates(s.start, s.end))
    noOrders.push_back(d.toIso());
  return {{"out", s.dir.string()},
          {"seed", s.seed},
          {"start", s.start.toIso()},
          {"end", s.end.toIso()},
          {"days", s.end - s.start + 1},
          {"files", files},
          {"order_lines", s.orderLines},
          {"orders", s.orders},
          {"returns", s.returns},
          {"revenue", s.revenue()},
          {"level_shift_date", SampleDataGenerator::kLevelShiftDate.toIso()},
          {"no_order_dates", noOrders}};
}

void printText(const SampleDataSummary& s, std::ostream& out) {
  out << "Wrote the sample dataset to " << s.dir.string() << "\n"
      << "  seed " << s.seed << ", order dates " << s.start.toIso() << " .. " << s.end.toIso()
      << " (" << (s.end - s.start + 1) << " days)\n";
  for (const auto& f : s.files) {
    out << "  " << f.name << std::string(f.name.size() < 42 ? 42 - f.name.size() : 1, ' ') << f.rows
        << " rows\n";
  }
  out << "  " << s.orderLines << " order lines in " << s.orders << " orders, " << s.returns
      << " returns, revenue " << money(s.revenueTenThousandths) << "\n";
  const Date shift = SampleDataGenerator::kLevelShiftDate;
  out << "Effects (docs/sample-data.md): ";
  if (shift > s.start && shift <= s.end) out << "level shift on " << shift.toIso() << "; ";
  out << "no-order days: " << joinDates(SampleDataGenerator::noOrderDates(s.start, s.end)) << "\n"
      << "Next: foresight data inspect " << s.dir.string() << "\n";
}
}  // namespace

class DataSampleCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"data", "sample"}; }
  std::string summary() const override {
    return "Write the built-in sample dataset (Adventure Works layout)";
  }
  ArgParser parser() const override {
    const SampleDataOptions defaults;
    return ArgParser("foresight data sample --out DIR [--seed N] [--from DATE] [--to DATE]",
                     "Writes a synthetic sales export in the exact Adventure Works layout\n"
                     "(AdventureWorks_Sales_<year>.csv, products, territories, returns, calendar)\n"
                     "with a known trend, weekly and yearly seasonality, a level shift on " +
                         SampleDataGenerator::kLevelShiftDate.toIso() +
                         ",\nholiday peaks and a few days without orders. The same seed gives\n"
                         "byte-identical files on every machine. See docs/sample-data.md.")
        .option({"out", "DIR", "Folder to write (created if missing)", "", true})
        .option({"seed", "N", "Random seed, 0 or more", std::to_string(defaults.seed), false})
        .option({"from", "DATE", "First order date", defaults.start.toIso(), false})
        .option({"to", "DATE", "Last order date", defaults.end.toIso(), false})
        .flag("force", "Write into a non-empty folder that does not hold an earlier sample")
        .flag("json", "Print the summary as JSON");
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    SampleDataOptions options;
    options.seed = static_cast<std::uint64_t>(*args.getInt("seed", 0, LLONG_MAX));
    options.start = parseDateOption(args, "from", options.start);
    options.end = parseDateOption(args, "to", options.end);
    options.overwrite = args.flag("force");
    try {
      SampleDataGenerator::validate(options);
    } catch (const InputError& e) {
      // The engine names its fields; the user typed options.
      const std::string option = e.where().field == "start" ? "--from" : "--to";
      throw UsageError(option + " " + e.where().value + ": " + e.problem());
    }
    const auto summary = SampleDataGenerator::write(*args.get("out"), options);
    if (args.flag("json"))
      io.out << toJson(summary).dump(2) << "\n";
    else
      printText(summary, io.out);
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(100, DataSampleCommand);

}  // namespace foresight::cli
