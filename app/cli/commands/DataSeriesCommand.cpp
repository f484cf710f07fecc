// `foresight data series SOURCE --out FILE`: builds the tidy series CSV
// (series,date,value) that fit, backtest and the exports read (docs/data.md).
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "SeriesArgs.h"
#include "SourceArgs.h"
#include "engine/common/Errors.h"
#include "engine/data/RejectedRows.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/data/SeriesCsv.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "pipeline/DataReportText.h"
#include "pipeline/SourceLoader.h"

namespace foresight::cli {

class DataSeriesCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"data", "series"}; }
  std::string summary() const override { return "Build series from a data source into a tidy CSV"; }
  ArgParser parser() const override {
    ArgParser p("foresight data series SOURCE --out FILE [--measure M] [--freq D|W|M] [--by G | --hierarchy H]\n"
                "       [--agg sum|mean|count] [--fill zero|interpolate|none] [--from DATE] [--to DATE]\n"
                "       [--query SQL] [--date-col C --value-col C --series-col C --date-format F]",
                "Loads SOURCE and writes one value per period (and per group with --by) as\n"
                "series,date,value. Sums are exact to the cent. Periods without rows follow\n"
                "--fill (default: zero for sum/count, none for mean). A row that cannot be\n"
                "read (a value that is not a number, a bad date...) stops the command (exit 2,\n"
                "naming the first such rows and the count) unless --skip-bad-rows is given;\n"
                "skipped rows and other findings (duplicates, gaps...) are listed on stderr as\n"
                "warnings. The file is written whole or not at all.\n"
                "--hierarchy writes every node of a hierarchy instead (docs/hierarchies.md):\n"
                "the bottom series as --by the last level builds them, and every aggregate\n"
                "as their sum, each named by its path (Europe/France/France; the top is\n"
                "Total) with a fourth column naming its level: series,date,value,level.\n"
                "Hierarchies joined by '*' are crossed ('territory*category', quoted in a\n"
                "shell): a node for every combination of levels, named by its paths joined\n"
                "by '*' (Europe/France/France*Bikes), its level likewise (territory*category).");
    p.option({"out", "FILE", "Series CSV to write; '-' writes to stdout", "", true});
    series_args::declare(p);
    p.option({"hierarchy", "H", HierarchicalSeries::levelsHelp(), "", false});
    p.flag("skip-bad-rows", "Leave out rows that cannot be read (listed as warnings) instead of stopping");
    source_args::declare(p);
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const SeriesRequest request = series_args::request(args);
    LoadedData data = pipeline::SourceLoader::loadOne(source_args::request(args), source_args::loadOptions(io));
    const RejectedRows skipped =
        RejectedRows::apply(data, args.flag("skip-bad-rows") ? BadRowPolicy::Skip : BadRowPolicy::Stop,
                            "--skip-bad-rows leaves them out and lists them");
    // The command goes on past every finding here, so none is an "error".
    for (const auto& f : data.findings.findings())
      if (f.severity != Severity::Info && !f.rejectsRow)
        io.err << "foresight: " << pipeline::DataReportText::oneLine(f, "warning") << "\n";
    for (const auto& line : skipped.listing()) io.err << "foresight: warning: " << line << "\n";
    const std::string out = *args.get("out");
    Panel written;
    if (const auto spec = args.get("hierarchy")) {
      if (args.has("by")) throw UsageError("--hierarchy and --by: give one (the hierarchy's last level groups)");
      const auto levels = HierarchicalSeries::parseLevels(*spec);
      if (!levels)
        throw UsageError("--hierarchy: unknown value " + quoteForMessage(*spec) + " (use " +
                         HierarchicalSeries::levelsHelp() + ")");
      const HierarchicalPanel h = HierarchicalSeries::build(data, request, *levels);
      if (out == "-") HierarchicalSeries::write(io.out, h);
      else HierarchicalSeries::writeFile(out, h, io.cancel, io.progress());
      written = h.panel;
    } else {
      written = SeriesBuilder::build(data, request);
      if (out == "-") SeriesCsv::write(io.out, written);
      else SeriesCsv::writeFile(out, written, io.cancel, io.progress());
    }
    const TimeSeries& first = written.series.front();
    io.err << "foresight: wrote " << written.series.size() * static_cast<std::size_t>(first.size()) << " rows ("
           << written.series.size() << " series x " << first.size() << " periods, " << frequencyCode(first.frequency)
           << ", " << first.start.toIso() << " to " << first.end().toIso() << ") to "
           << (out == "-" ? std::string("stdout") : out) << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(130, DataSeriesCommand);

}  // namespace foresight::cli
