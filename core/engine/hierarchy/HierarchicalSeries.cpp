#include "engine/hierarchy/HierarchicalSeries.h"

#include <cmath>
#include <map>
#include <ostream>
#include <unordered_map>

#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/data/SeriesCsv.h"
#include "engine/data/SeriesCsvParser.h"
#include "engine/io/AtomicFileWriter.h"

namespace foresight {

namespace {

const std::vector<std::pair<std::string_view, std::vector<Dimension>>>& namedHierarchies() {
  static const std::vector<std::pair<std::string_view, std::vector<Dimension>>> named = {
      {"territory", {Dimension::Region, Dimension::Country, Dimension::Territory}},
      {"product", {Dimension::Category, Dimension::Subcategory, Dimension::Product}}};
  return named;
}

void writeRows(std::ostream& out, const HierarchicalPanel& h, std::size_t node) {
  const TimeSeries& s = h.panel.series[node];
  const std::string level = csvTextField(h.hierarchy.levelName(h.hierarchy.nodes()[node].depth));
  const std::string name = csvTextField(s.name);
  for (Eigen::Index i = 0; i < s.size(); ++i)
    out << name << ',' << s.dateAt(i).toIso() << ',' << SeriesCsv::formatValue(s.values[i]) << ',' << level << '\n';
}

std::string trimmedCell(const std::string& cell) {
  std::size_t a = 0, b = cell.size();
  while (a < b && (cell[a] == ' ' || cell[a] == '\t')) ++a;
  while (b > a && (cell[b - 1] == ' ' || cell[b - 1] == '\t')) --b;
  return cell.substr(a, b - a);
}

HierarchicalPanel fromTable(const RawTable& t) {
  if (t.columnCount() != 4 || t.rows.empty() || trimmedCell(t.rows[0][3]) != "level")
    throw InputError(InputLocation{t.source, 1, "", ""},
                     "a hierarchy's series file has the header series,date,value,level ('foresight data series "
                     "--hierarchy' writes one)");
  const Panel panel = SeriesCsvParser::parse(t);
  // The level of each series, from every one of its rows.
  std::unordered_map<std::string, std::pair<std::string, std::size_t>> levelOf;  // series -> (level, line)
  for (std::size_t r = 1; r < t.rows.size(); ++r) {
    const std::string series = trimmedCell(t.rows[r][0]), level = trimmedCell(t.rows[r][3]);
    const auto [it, isNew] = levelOf.emplace(series, std::make_pair(level, t.lineNumbers[r]));
    if (!isNew && it->second.first != level)
      throw InputError(InputLocation{t.source, t.lineNumbers[r], "level", level},
                       "series '" + series + "' has level '" + it->second.first + "' at line " +
                           std::to_string(it->second.second) + "; one series has one level");
  }
  std::size_t depth = 0;
  for (const auto& s : panel.series) depth = std::max(depth, Hierarchy::splitPath(s.name).size());
  std::vector<std::string> levels(depth);
  for (const auto& s : panel.series) {
    const std::size_t d = Hierarchy::splitPath(s.name).size();
    const auto& [level, line] = levelOf.at(s.name);
    if (d == 0) {
      if (level != "total")
        throw InputError(InputLocation{t.source, line, "level", level}, "the series 'Total' has level 'total'");
      continue;
    }
    std::string& expected = levels[d - 1];
    if (expected.empty()) expected = level;
    if (expected != level)
      throw InputError(InputLocation{t.source, line, "level", level},
                       "series '" + s.name + "' is at depth " + std::to_string(d) + ", whose level is '" + expected +
                           "'; one depth has one level");
  }
  Panel bottom;
  for (const auto& s : panel.series)
    if (Hierarchy::splitPath(s.name).size() == depth) bottom.series.push_back(s);
  // A depth without any series: name a node that is missing there.
  for (std::size_t d = 1; d < depth; ++d)
    if (levels[d - 1].empty()) {
      const auto parts = Hierarchy::splitPath(bottom.series.front().name);
      throw InputError(InputLocation{t.source, 0, "series",
                                     Hierarchy::joinPath(std::vector<std::string>(parts.begin(), parts.begin() +
                                                                                  static_cast<std::ptrdiff_t>(d)))},
                       "the hierarchy needs this node, which the file lacks (no series at depth " +
                           std::to_string(d) + ")");
    }
  HierarchicalPanel h = [&] {
    try {
      return HierarchicalSeries::fromBottom(levels, bottom);
    } catch (const InputError& e) {
      throw InputError(InputLocation{t.source, 0, e.where().field, ""}, e.problem());
    }
  }();
  // Every node present, nothing else, and each equal to its bottom sum.
  std::unordered_map<std::string, const TimeSeries*> byName;
  for (const auto& s : panel.series) byName.emplace(s.name, &s);
  if (byName.size() != h.panel.series.size())
    for (const auto& s : panel.series)
      if (h.hierarchy.find(s.name) < 0)
        throw InputError(InputLocation{t.source, levelOf.at(s.name).second, "series", s.name},
                         "is not a node of the hierarchy its bottom series make (a path of the wrong depth?)");
  for (std::size_t i = 0; i < h.panel.series.size(); ++i) {
    TimeSeries& node = h.panel.series[i];
    const auto it = byName.find(node.name);
    if (it == byName.end())
      throw InputError(InputLocation{t.source, 0, "series", node.name},
                       "the hierarchy needs this node, which the file lacks");
    const TimeSeries& given = *it->second;
    if (given.frequency != node.frequency || given.start != node.start || given.size() != node.size())
      throw InputError(InputLocation{t.source, 0, "series", node.name},
                       "runs " + given.start.toIso() + " to " + given.end().toIso() + " but the bottom series run " +
                           node.start.toIso() + " to " + node.end().toIso() +
                           "; the series of a hierarchy share their dates");
    for (Eigen::Index k = 0; k < node.size(); ++k) {
      const double a = given.values[k], b = node.values[k];
      const bool same = (std::isnan(a) && std::isnan(b)) || std::fabs(a - b) <= 1e-9 * std::max(std::fabs(b), 1.0);
      if (!same)
        throw InputError(InputLocation{t.source, 0, "series", node.name},
                         "value " + SeriesCsv::formatValue(a) + " on " + node.dateAt(k).toIso() +
                             " is not the sum of its bottom series (" + SeriesCsv::formatValue(b) + ")");
    }
    node.values = given.values;  // as given: equal to 1e-9
  }
  return h;
}

}  // namespace

std::optional<std::vector<Dimension>> HierarchicalSeries::parseLevels(std::string_view spec) {
  for (const auto& [name, levels] : namedHierarchies())
    if (spec == name) return levels;
  std::vector<Dimension> levels;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', start), spec.size());
    const auto d = parseDimension(spec.substr(start, comma - start));
    if (!d) return std::nullopt;
    levels.push_back(*d);
    start = comma + 1;
  }
  return levels;
}

std::string HierarchicalSeries::levelsHelp() {
  return "territory (region,country,territory), product (category,subcategory,product), or dimensions top-down "
         "joined by ','";
}

HierarchicalPanel HierarchicalSeries::build(const LoadedData& data, const SeriesRequest& request,
                                            const std::vector<Dimension>& levels) {
  if (levels.empty()) throw InputError("a hierarchy needs at least one level");
  for (const Dimension d : levels)
    if (!data.facts.hasDimension(d))
      throw InputError("the data has no '" + std::string(dimensionName(d)) + "' to build the hierarchy from");
  SeriesRequest bottomRequest = request;
  bottomRequest.groupBy = levels.back();
  Panel bottom = SeriesBuilder::build(data, bottomRequest);
  // Each bottom value's path, from its rows' attributes.
  const FactTable& facts = data.facts;
  const auto nameOf = [&](Dimension d, std::int32_t code) {
    return code < 0 ? std::string() : facts.dictionary(d).name(code);
  };
  const auto& bottomCodes = facts.codes(levels.back());
  std::unordered_map<std::int32_t, std::vector<std::int32_t>> parentsOf;
  for (std::size_t r = 0; r < facts.rowCount(); ++r) {
    std::vector<std::int32_t> parents;
    for (std::size_t l = 0; l + 1 < levels.size(); ++l) parents.push_back(facts.codes(levels[l])[r]);
    const auto [it, isNew] = parentsOf.emplace(bottomCodes[r], parents);
    if (isNew || it->second == parents) continue;
    for (std::size_t l = 0; l < parents.size(); ++l)
      if (parents[l] != it->second[l])
        throw InputError(InputLocation{facts.fileOf(r), facts.lineOf(r), std::string(dimensionName(levels[l])), ""},
                         std::string(dimensionName(levels.back())) + " '" +
                             nameOf(levels.back(), bottomCodes[r]) + "' is under " +
                             std::string(dimensionName(levels[l])) + " '" + nameOf(levels[l], it->second[l]) +
                             "' in earlier rows and '" + nameOf(levels[l], parents[l]) +
                             "' here; a hierarchy needs one parent per node");
  }
  std::unordered_map<std::string, std::vector<std::string>> pathOf;
  for (const auto& [code, parents] : parentsOf) {
    if (code < 0) continue;  // rows without the bottom attribute make no bottom series
    std::vector<std::string> path;
    for (std::size_t l = 0; l < parents.size(); ++l) {
      const std::string part = nameOf(levels[l], parents[l]);
      if (part.empty())
        throw InputError(std::string(dimensionName(levels.back())) + " '" + nameOf(levels.back(), code) +
                         "' has no " +
                         std::string(dimensionName(levels[l])) + "; it cannot be placed in the hierarchy");
      path.push_back(part);
    }
    path.push_back(nameOf(levels.back(), code));
    pathOf.emplace(path.back(), std::move(path));
  }
  for (auto& s : bottom.series) s.name = Hierarchy::joinPath(pathOf.at(s.name));
  std::vector<std::string> names;
  for (const Dimension d : levels) names.emplace_back(dimensionName(d));
  return fromBottom(std::move(names), bottom);
}

HierarchicalPanel HierarchicalSeries::fromBottom(std::vector<std::string> levels, const Panel& bottom) {
  if (bottom.series.empty()) throw InputError("a hierarchy needs at least one bottom series");
  std::vector<std::vector<std::string>> paths;
  for (const auto& s : bottom.series) paths.push_back(Hierarchy::splitPath(s.name));
  HierarchicalPanel h{Hierarchy::fromPaths(std::move(levels), paths), {}};
  const TimeSeries& first = bottom.series.front();
  for (const auto& s : bottom.series)
    if (s.frequency != first.frequency || s.start != first.start || s.size() != first.size())
      throw InputError(InputLocation{"", 0, "series", s.name},
                       "runs " + s.start.toIso() + " to " + s.end().toIso() + " but '" + first.name + "' runs " +
                           first.start.toIso() + " to " + first.end().toIso() +
                           "; the series of a hierarchy share their dates");
  std::unordered_map<std::string, const TimeSeries*> byName;
  for (const auto& s : bottom.series) byName.emplace(Hierarchy::joinPath(Hierarchy::splitPath(s.name)), &s);
  const Eigen::SparseMatrix<double> sum = h.hierarchy.summingMatrix();
  Eigen::MatrixXd values(h.hierarchy.bottomCount(), first.size());
  for (int b = 0; b < h.hierarchy.bottomCount(); ++b)
    values.row(b) = byName.at(h.hierarchy.nodes()[static_cast<std::size_t>(h.hierarchy.firstBottom() + b)].name)
                        ->values.transpose();
  const Eigen::MatrixXd all = sum * values;
  for (int i = 0; i < h.hierarchy.size(); ++i)
    h.panel.series.push_back(TimeSeries{h.hierarchy.nodes()[static_cast<std::size_t>(i)].name, first.frequency,
                                        first.start, all.row(i).transpose()});
  return h;
}

void HierarchicalSeries::write(std::ostream& out, const HierarchicalPanel& h) {
  out << "series,date,value,level\n";
  for (std::size_t i = 0; i < h.panel.series.size(); ++i) writeRows(out, h, i);
}

void HierarchicalSeries::writeFile(const std::string& path, const HierarchicalPanel& h,
                                   const CancellationToken* cancel, const ProgressSink& progress) {
  AtomicFileWriter file(path, cancel);
  file.stream() << "series,date,value,level\n";
  const std::string step = "writing " + path;
  const double steps = static_cast<double>(h.panel.series.size());
  for (std::size_t i = 0; i < h.panel.series.size(); ++i) {
    if (progress) progress(static_cast<double>(i) / steps, step);
    file.checkCancelled();
    writeRows(file.stream(), h, i);
  }
  file.commit();
  if (progress) progress(1.0, step);
}

HierarchicalPanel HierarchicalSeries::read(std::string_view text, const std::string& sourceName) {
  return fromTable(SeriesCsv::table(text, sourceName));
}

HierarchicalPanel HierarchicalSeries::readFile(const std::string& path) {
  return fromTable(SeriesCsv::tableFile(path));
}

}  // namespace foresight
