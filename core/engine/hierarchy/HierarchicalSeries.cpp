#include "engine/hierarchy/HierarchicalSeries.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <unordered_map>

#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"
#include "engine/common/Text.h"
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

using LevelsOfSeries = std::unordered_map<std::string, std::pair<std::string, std::size_t>>;  // series -> (level, line)

HierarchicalPanel matchFile(const RawTable& t, const Panel& panel, const LevelsOfSeries& levelOf,
                            const std::vector<std::vector<std::string>>& dimensions, const Panel& bottom);
HierarchicalPanel fromGroupedTable(const RawTable& t, const Panel& panel, const LevelsOfSeries& levelOf,
                                   std::size_t dimensionCount);

// The number of dimensions a level name crosses ("territory*category": 2).
std::size_t crossings(const std::string& level) {
  return static_cast<std::size_t>(std::count(level.begin(), level.end(), '*')) + 1;
}

HierarchicalPanel fromTable(const RawTable& t) {
  if (t.columnCount() != 4 || t.rows.empty() || std::string(trimBlanks(t.rows[0][3])) != "level")
    throw InputError(InputLocation{t.source, 1, "", ""},
                     "a hierarchy's series file has the header series,date,value,level ('foresight data series "
                     "--hierarchy' writes one)");
  const Panel panel = SeriesCsvParser::parse(t);
  // The level of each series, from every one of its rows.
  LevelsOfSeries levelOf;
  for (std::size_t r = 1; r < t.rows.size(); ++r) {
    const std::string series = std::string(trimBlanks(t.rows[r][0])), level = std::string(trimBlanks(t.rows[r][3]));
    const auto [it, isNew] = levelOf.emplace(series, std::make_pair(level, t.lineNumbers[r]));
    if (!isNew && it->second.first != level)
      throw InputError(InputLocation{t.source, t.lineNumbers[r], "level", level},
                       "series '" + series + "' has level '" + it->second.first + "' at line " +
                           std::to_string(it->second.second) + "; one series has one level");
  }
  std::size_t dimensionCount = 1;
  for (const auto& [series, level] : levelOf) dimensionCount = std::max(dimensionCount, crossings(level.first));
  if (dimensionCount > 1) return fromGroupedTable(t, panel, levelOf, dimensionCount);
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
  return matchFile(t, panel, levelOf, {levels}, bottom);
}

// The hierarchy the bottom series make, checked against every series of the
// file: each node present once at its level, nothing else, each equal to the
// sum of its bottom series.
HierarchicalPanel matchFile(const RawTable& t, const Panel& panel, const LevelsOfSeries& levelOf,
                            const std::vector<std::vector<std::string>>& dimensions, const Panel& bottom) {
  HierarchicalPanel h = [&] {
    try {
      return HierarchicalSeries::fromBottomCrossed(dimensions, bottom);
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
    const std::string level = h.hierarchy.levelName(h.hierarchy.nodes()[i].depth);
    if (const auto& [given, line] = levelOf.at(node.name); given != level)
      throw InputError(InputLocation{t.source, line, "level", given},
                       "series '" + node.name + "' is a node of level '" + level + "'");
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

// A grouped structure's file: each level name crosses dimensions with '*'
// ("country*category") and each series name joins one path per dimension
// the same way; the crossed levels say which dimension a level belongs to,
// its paths' depth where in it.
HierarchicalPanel fromGroupedTable(const RawTable& t, const Panel& panel, const LevelsOfSeries& levelOf,
                                   std::size_t dimensionCount) {
  const auto cut = [](const std::string& level) {
    std::vector<std::string> names(1);
    for (const char c : level) {
      if (c == '*') names.emplace_back();
      else names.back() += c;
    }
    return names;
  };
  // A series' level names and paths, one per dimension it crosses, each
  // path at least one part deep.
  const auto crossedParts = [&](const TimeSeries& s) {
    const auto& [level, line] = levelOf.at(s.name);
    std::pair<std::vector<std::string>, std::vector<std::size_t>> out{cut(level), {}};
    const std::vector<std::string> paths = Hierarchy::splitCrossed(s.name);
    if (paths.size() != out.first.size())
      throw InputError(InputLocation{t.source, line, "series", s.name},
                       "names " + std::to_string(paths.size()) + " path(s) joined by '*', but its level '" + level +
                           "' crosses " + std::to_string(out.first.size()));
    for (const auto& path : paths) {
      out.second.push_back(Hierarchy::splitPath(path).size());
      if (out.second.back() == 0)
        throw InputError(InputLocation{t.source, line, "series", s.name},
                         "a crossed name's path cannot be '" + std::string(Hierarchy::kTotalName) + "'");
    }
    return out;
  };
  std::map<std::string, std::pair<std::size_t, std::size_t>> placeOf;  // level -> (dimension, depth)
  for (const auto& s : panel.series) {
    const auto& [level, line] = levelOf.at(s.name);
    if (crossings(level) != dimensionCount) continue;
    const auto [names, depths] = crossedParts(s);
    for (std::size_t k = 0; k < names.size(); ++k) {
      const std::pair<std::size_t, std::size_t> place{k, depths[k]};
      const auto [it, isNew] = placeOf.emplace(names[k], place);
      if (!isNew && it->second != place)
        throw InputError(InputLocation{t.source, line, "series", s.name},
                         "puts level '" + names[k] + "' at depth " + std::to_string(place.second) + " of dimension " +
                             std::to_string(place.first + 1) + ", other series at depth " +
                             std::to_string(it->second.second) + " of dimension " +
                             std::to_string(it->second.first + 1));
    }
  }
  std::vector<std::vector<std::string>> dimensions(dimensionCount);
  for (const auto& [name, place] : placeOf) {
    auto& levels = dimensions[place.first];
    if (levels.size() < place.second) levels.resize(place.second);
    levels[place.second - 1] = name;
  }
  for (std::size_t k = 0; k < dimensions.size(); ++k)
    for (std::size_t d = 0; d < dimensions[k].size(); ++d)
      if (dimensions[k][d].empty())
        throw InputError(InputLocation{t.source, 0, "level", ""},
                         "dimension " + std::to_string(k + 1) + " has no level at depth " + std::to_string(d + 1) +
                             " in the crossed levels; the file lacks those nodes");
  // Every series' paths and levels agree with that placement.
  for (const auto& s : panel.series) {
    const auto& [level, line] = levelOf.at(s.name);
    if (level == "total") continue;
    const auto [names, depths] = crossedParts(s);
    for (std::size_t k = 0; k < names.size(); ++k) {
      const auto it = placeOf.find(names[k]);
      if (it == placeOf.end() || depths[k] != it->second.second)
        throw InputError(InputLocation{t.source, line, "level", level},
                         "series '" + s.name + "': level '" + names[k] +
                             (it == placeOf.end() ? "' appears in no crossed level of the file"
                                                  : "' has paths of " + std::to_string(it->second.second) +
                                                        " part(s) elsewhere"));
    }
  }
  std::string bottomLevel;
  for (std::size_t k = 0; k < dimensions.size(); ++k) bottomLevel += (k ? "*" : "") + dimensions[k].back();
  Panel bottom;
  for (const auto& s : panel.series)
    if (levelOf.at(s.name).first == bottomLevel) bottom.series.push_back(s);
  return matchFile(t, panel, levelOf, dimensions, bottom);
}

}  // namespace

std::optional<std::vector<std::vector<Dimension>>> HierarchicalSeries::parseLevels(std::string_view spec) {
  std::vector<std::vector<Dimension>> dimensions;
  std::vector<Dimension> seen;
  std::size_t from = 0;
  while (from <= spec.size()) {
    const std::size_t star = std::min(spec.find('*', from), spec.size());
    const std::string_view one = spec.substr(from, star - from);
    from = star + 1;
    std::optional<std::vector<Dimension>> levels;
    for (const auto& [name, named] : namedHierarchies())
      if (one == name) levels = named;
    if (!levels) {
      levels.emplace();
      std::size_t start = 0;
      while (start <= one.size()) {
        const std::size_t comma = std::min(one.find(',', start), one.size());
        const auto d = parseDimension(one.substr(start, comma - start));
        if (!d) return std::nullopt;
        levels->push_back(*d);
        start = comma + 1;
      }
    }
    for (const Dimension d : *levels) {
      if (std::find(seen.begin(), seen.end(), d) != seen.end()) return std::nullopt;
      seen.push_back(d);
    }
    dimensions.push_back(std::move(*levels));
  }
  return dimensions;
}

std::string HierarchicalSeries::levelsHelp() {
  return "territory (region,country,territory), product (category,subcategory,product), dimensions top-down "
         "joined by ',', or several crossed with '*' (territory*category)";
}

namespace {

// Each bottom value's path (its levels' names top-down, its own last), from
// its rows' attributes; an attribute that changes between rows of one
// bottom value is refused, naming both values and the row.
std::unordered_map<std::int32_t, std::vector<std::string>> pathsOf(const FactTable& facts,
                                                                   const std::vector<Dimension>& levels) {
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
  std::unordered_map<std::int32_t, std::vector<std::string>> out;
  for (const auto& [code, parents] : parentsOf) {
    if (code < 0) continue;  // rows without the bottom attribute make no bottom series
    std::vector<std::string> path;
    for (std::size_t l = 0; l < parents.size(); ++l) {
      const std::string part = nameOf(levels[l], parents[l]);
      if (part.empty())
        throw InputError(std::string(dimensionName(levels.back())) + " '" + nameOf(levels.back(), code) +
                         "' has no " + std::string(dimensionName(levels[l])) +
                         "; it cannot be placed in the hierarchy");
      path.push_back(part);
    }
    path.push_back(nameOf(levels.back(), code));
    out.emplace(code, std::move(path));
  }
  return out;
}

std::vector<std::string> levelNames(const std::vector<Dimension>& levels) {
  std::vector<std::string> names;
  for (const Dimension d : levels) names.emplace_back(dimensionName(d));
  return names;
}

}  // namespace

HierarchicalPanel HierarchicalSeries::build(const LoadedData& data, const SeriesRequest& request,
                                            const std::vector<std::vector<Dimension>>& dimensions) {
  if (dimensions.empty()) throw InputError("a hierarchy needs at least one level");
  for (const auto& levels : dimensions) {
    if (levels.empty()) throw InputError("a hierarchy needs at least one level");
    for (const Dimension d : levels)
      if (!data.facts.hasDimension(d))
        throw InputError("the data has no '" + std::string(dimensionName(d)) + "' to build the hierarchy from");
  }
  const FactTable& facts = data.facts;
  std::vector<std::unordered_map<std::int32_t, std::vector<std::string>>> paths;
  for (const auto& levels : dimensions) paths.push_back(pathsOf(facts, levels));
  std::vector<std::vector<std::string>> names;
  for (const auto& levels : dimensions) names.push_back(levelNames(levels));
  if (dimensions.size() == 1) {
    SeriesRequest bottomRequest = request;
    bottomRequest.groupBy = dimensions.front().back();
    Panel bottom = SeriesBuilder::build(data, bottomRequest);
    std::unordered_map<std::string, const std::vector<std::string>*> byName;
    for (const auto& [code, path] : paths.front()) byName.emplace(path.back(), &path);
    for (auto& s : bottom.series) s.name = Hierarchy::joinPath(*byName.at(s.name));
    return fromBottomCrossed(std::move(names), bottom);
  }
  // Crossed: one bottom series per combination of the dimensions' bottom
  // values that has rows, named by its paths joined by '*'.
  std::map<std::vector<std::int32_t>, std::int32_t> keyOf;
  std::vector<std::string> keyNames;
  std::vector<std::int32_t> keys(facts.rowCount());
  for (std::size_t r = 0; r < facts.rowCount(); ++r) {
    std::vector<std::int32_t> combination;
    for (std::size_t k = 0; k < dimensions.size(); ++k) {
      const Dimension d = dimensions[k].back();
      const std::int32_t code = facts.codes(d)[r];
      if (code < 0)
        throw InputError(InputLocation{facts.fileOf(r), facts.lineOf(r), std::string(dimensionName(d)), ""},
                         "the row has no " + std::string(dimensionName(d)) +
                             "; a crossed grouping places every row in one of its bottom series");
      combination.push_back(code);
    }
    const auto [it, isNew] = keyOf.emplace(combination, static_cast<std::int32_t>(keyNames.size()));
    if (isNew) {
      std::vector<std::vector<std::string>> crossed;
      for (std::size_t k = 0; k < dimensions.size(); ++k) crossed.push_back(paths[k].at(combination[k]));
      std::string name = Hierarchy::crossedName(crossed);
      keyNames.push_back(std::move(name));
    }
    keys[r] = it->second;
  }
  return fromBottomCrossed(std::move(names), SeriesBuilder::build(data, request, keys, keyNames));
}

HierarchicalPanel HierarchicalSeries::build(const LoadedData& data, const SeriesRequest& request,
                                            const std::vector<Dimension>& levels) {
  return build(data, request, std::vector<std::vector<Dimension>>{levels});
}

HierarchicalPanel HierarchicalSeries::fromBottom(std::vector<std::string> levels, const Panel& bottom) {
  return fromBottomCrossed(std::vector<std::vector<std::string>>{std::move(levels)}, bottom);
}

HierarchicalPanel HierarchicalSeries::fromBottomCrossed(std::vector<std::vector<std::string>> dimensions,
                                                 const Panel& bottom) {
  if (bottom.series.empty()) throw InputError("a hierarchy needs at least one bottom series");
  // A bottom series' parts: every dimension's path in turn.
  const bool grouped = dimensions.size() > 1;
  std::vector<std::vector<std::string>> paths;
  for (const auto& s : bottom.series) {
    std::vector<std::string> parts;
    const std::vector<std::string> crossed = grouped ? Hierarchy::splitCrossed(s.name) : std::vector<std::string>{s.name};
    if (crossed.size() != dimensions.size())
      throw InputError(InputLocation{"", 0, "series", s.name},
                       "names " + std::to_string(crossed.size()) + " path(s) joined by '*'; the grouping crosses " +
                           std::to_string(dimensions.size()) + " dimensions");
    for (const auto& path : crossed)
      for (auto& part : Hierarchy::splitPath(path)) parts.push_back(std::move(part));
    paths.push_back(std::move(parts));
  }
  HierarchicalPanel h{grouped ? Hierarchy::crossed(std::move(dimensions), paths)
                              : Hierarchy::fromPaths(std::move(dimensions.front()), paths),
                      {}};
  const TimeSeries& first = bottom.series.front();
  for (const auto& s : bottom.series)
    if (s.frequency != first.frequency || s.start != first.start || s.size() != first.size())
      throw InputError(InputLocation{"", 0, "series", s.name},
                       "runs " + s.start.toIso() + " to " + s.end().toIso() + " but '" + first.name + "' runs " +
                           first.start.toIso() + " to " + first.end().toIso() +
                           "; the series of a hierarchy share their dates");
  std::map<std::vector<std::string>, const TimeSeries*> byParts;
  for (std::size_t i = 0; i < paths.size(); ++i) byParts.emplace(paths[i], &bottom.series[i]);
  const Eigen::SparseMatrix<double> sum = h.hierarchy.summingMatrix();
  Eigen::MatrixXd values(h.hierarchy.bottomCount(), first.size());
  for (int b = 0; b < h.hierarchy.bottomCount(); ++b)
    values.row(b) =
        byParts.at(h.hierarchy.nodes()[static_cast<std::size_t>(h.hierarchy.firstBottom() + b)].parts)->values.transpose();
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
