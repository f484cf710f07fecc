#include "engine/hierarchy/Hierarchy.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"

namespace foresight {

namespace {

InputError bad(const std::string& field, const std::string& problem) {
  return InputError(InputLocation{"", 0, field, ""}, problem);
}

// Every tuple of depths (0..levels of each dimension), the last dimension
// outermost: the total first, every node's levels before its own.
std::vector<std::vector<int>> levelTuples(const std::vector<std::vector<std::string>>& dimensions) {
  std::vector<std::vector<int>> out{std::vector<int>(dimensions.size(), 0)};
  for (;;) {
    std::vector<int> next = out.back();
    std::size_t k = 0;
    while (k < next.size() && next[k] == static_cast<int>(dimensions[k].size())) next[k++] = 0;
    if (k == next.size()) return out;
    ++next[k];
    out.push_back(std::move(next));
  }
}

// The parts of `path` (every dimension's parts in turn) a node at `depths`
// keeps: each dimension's first depths[k].
std::vector<std::string> keyAt(const std::vector<std::string>& path, const std::vector<int>& depths,
                               const std::vector<std::vector<std::string>>& dimensions) {
  std::vector<std::string> key;
  std::size_t offset = 0;
  for (std::size_t k = 0; k < dimensions.size(); ++k) {
    key.insert(key.end(), path.begin() + static_cast<std::ptrdiff_t>(offset),
               path.begin() + static_cast<std::ptrdiff_t>(offset) + depths[k]);
    offset += dimensions[k].size();
  }
  return key;
}

// The name of a node from its key (each dimension's first depths[k] parts).
std::string nameOf(const std::vector<std::string>& key, const std::vector<int>& depths) {
  std::vector<std::vector<std::string>> paths;
  std::size_t offset = 0;
  for (const int d : depths) {
    paths.emplace_back(key.begin() + static_cast<std::ptrdiff_t>(offset),
                       key.begin() + static_cast<std::ptrdiff_t>(offset) + d);
    offset += static_cast<std::size_t>(d);
  }
  return Hierarchy::crossedName(paths);
}

}  // namespace

std::string Hierarchy::joinPath(const std::vector<std::string>& parts) {
  if (parts.empty()) return std::string(kTotalName);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    for (const char c : parts[i]) {
      if (c == '/' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

std::string Hierarchy::crossedName(const std::vector<std::vector<std::string>>& paths) {
  std::string name;
  for (const auto& parts : paths) {
    if (parts.empty()) continue;
    std::string path = joinPath(parts);
    // Nested hierarchies keep the names they always had: '*' is escaped only
    // where it separates dimensions.
    if (paths.size() > 1)
      for (std::size_t i = path.find('*'); i != std::string::npos; i = path.find('*', i + 2)) path.insert(i, 1, '\\');
    name += (name.empty() ? "" : "*") + path;
  }
  return name.empty() ? std::string(kTotalName) : name;
}

std::vector<std::string> Hierarchy::splitPath(std::string_view name) {
  if (name == kTotalName) return {};
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size()) {
      parts.back() += name[++i];
    } else if (name[i] == '/') {
      parts.emplace_back();
    } else {
      parts.back() += name[i];
    }
  }
  return parts;
}

std::vector<std::string> Hierarchy::splitCrossed(std::string_view name) {
  std::vector<std::string> paths(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size()) {
      paths.back() += name[i];
      paths.back() += name[++i];
    } else if (name[i] == '*') {
      paths.emplace_back();
    } else {
      paths.back() += name[i];
    }
  }
  return paths;
}

Hierarchy Hierarchy::fromPaths(std::vector<std::string> levels, const std::vector<std::vector<std::string>>& bottom) {
  if (levels.empty()) throw bad("levels", "a hierarchy needs at least one level below the total");
  return crossed({std::move(levels)}, bottom);
}

Hierarchy Hierarchy::crossed(std::vector<std::vector<std::string>> dimensions,
                             const std::vector<std::vector<std::string>>& bottom) {
  if (dimensions.empty()) throw bad("dimensions", "a grouped structure needs at least one dimension");
  std::set<std::string> levelNames;
  std::size_t width = 0;
  for (const auto& levels : dimensions) {
    if (levels.empty()) throw bad("levels", "a hierarchy needs at least one level below the total");
    for (const auto& level : levels) {
      if (level.empty() || level == "total" || level.find('*') != std::string::npos)
        throw bad("levels", "level names must be non-empty, not 'total' and without '*'");
      if (!levelNames.insert(level).second) throw bad("levels", "level '" + level + "' is named twice");
    }
    width += levels.size();
  }
  if (bottom.empty()) throw bad("bottom", "a hierarchy needs at least one bottom series");
  // A CSV writer quotes a cell that starts like a formula; in a crossed name
  // a later dimension's path is not at the start, so its node alone would
  // read back under another name than inside the crossed ones.
  const bool grouped = dimensions.size() > 1;
  const auto formula = [&](const std::string& what, const std::string& text) {
    if (grouped && csvLooksLikeFormula(text))
      throw bad(what, "'" + text + "' starts like a spreadsheet formula (=, +, -, @, tab or carriage return), which "
                      "a crossed grouping cannot take: CSV files quote it at the start of a name only");
  };
  for (const auto& levels : dimensions)
    for (const auto& level : levels) formula("levels", level);
  for (const auto& path : bottom)
    for (const auto& part : path) formula("bottom", part);
  const std::vector<std::vector<int>> tuples = levelTuples(dimensions);
  const std::vector<int>& bottomDepths = tuples.back();
  // Each level's nodes (their keys), sorted.
  std::vector<std::set<std::vector<std::string>>> byLevel(tuples.size());
  for (const auto& path : bottom) {
    const std::string shown = path.size() == width ? nameOf(path, bottomDepths) : joinPath(path);
    if (path.size() != width)
      throw bad("bottom", "path '" + shown + "' has " + std::to_string(path.size()) + " part(s); the levels (" +
                              std::to_string(width) + ") need one each");
    for (const auto& part : path)
      if (part.empty()) throw bad("bottom", "path '" + shown + "' has an empty part");
    if (!byLevel.back().insert(path).second) throw bad("bottom", "path '" + shown + "' appears twice");
    for (std::size_t l = 0; l + 1 < tuples.size(); ++l) byLevel[l].insert(keyAt(path, tuples[l], dimensions));
  }
  Hierarchy h;
  h.dimensions_ = std::move(dimensions);
  h.levelDepths_ = tuples;
  for (std::size_t l = 1; l < tuples.size(); ++l) {
    std::string name;
    for (std::size_t k = 0; k < tuples[l].size(); ++k)
      if (tuples[l][k] > 0)
        name += (name.empty() ? "" : "*") + h.dimensions_[k][static_cast<std::size_t>(tuples[l][k] - 1)];
    h.levels_.push_back(std::move(name));
  }
  for (std::size_t l = 0; l < tuples.size(); ++l)
    for (const auto& key : byLevel[l]) {
      HierarchyNode node;
      node.name = nameOf(key, tuples[l]);
      node.parts = key;
      node.depths = tuples[l];
      node.depth = static_cast<int>(l);
      const int index = static_cast<int>(h.nodes_.size());
      if (l > 0) {
        // One step up in the last dimension below its total.
        std::vector<int> up = tuples[l];
        std::size_t k = up.size() - 1;
        while (up[k] == 0) --k;
        std::size_t offset = 0;
        for (std::size_t j = 0; j < k; ++j) offset += static_cast<std::size_t>(up[j]);
        std::vector<std::string> parentKey = key;
        parentKey.erase(parentKey.begin() + static_cast<std::ptrdiff_t>(offset + static_cast<std::size_t>(up[k]) - 1));
        --up[k];
        node.parent = h.index_.at(nameOf(parentKey, up));
        h.nodes_[static_cast<std::size_t>(node.parent)].children.push_back(index);
      }
      if (const auto [it, isNew] = h.index_.emplace(node.name, index); !isNew) {
        // A part named "Total" at the top, or the same name in two dimensions.
        const HierarchyNode& other = h.nodes_[static_cast<std::size_t>(it->second)];
        throw bad("bottom", "node name '" + node.name + "' is used twice (at levels '" + h.levelName(other.depth) +
                                "' and '" + h.levelName(node.depth) + "'; '" + std::string(kTotalName) +
                                "' is the total's)");
      }
      h.nodes_.push_back(std::move(node));
    }
  h.bottomCount_ = static_cast<int>(byLevel.back().size());
  // The node above each bottom series at each level, and each node's summands.
  const auto levelCount = static_cast<int>(tuples.size());
  h.ancestors_.resize(static_cast<std::size_t>(h.bottomCount_) * tuples.size());
  for (int b = 0; b < h.bottomCount_; ++b) {
    const std::vector<std::string>& path = h.nodes_[static_cast<std::size_t>(h.firstBottom() + b)].parts;
    for (int l = 0; l < levelCount; ++l)
      h.ancestors_[static_cast<std::size_t>(b * levelCount + l)] =
          h.index_.at(nameOf(keyAt(path, tuples[static_cast<std::size_t>(l)], h.dimensions_), tuples[static_cast<std::size_t>(l)]));
  }
  std::map<std::vector<int>, int> levelOfTuple;
  for (int l = 0; l < levelCount; ++l) levelOfTuple.emplace(tuples[static_cast<std::size_t>(l)], l);
  std::vector<std::set<int>> summands(h.nodes_.size());
  for (int l = 0; l + 1 < levelCount; ++l) {
    std::vector<int> down = tuples[static_cast<std::size_t>(l)];
    std::size_t k = 0;
    while (down[k] == static_cast<int>(h.dimensions_[k].size())) ++k;
    ++down[k];
    const int below = levelOfTuple.at(down);
    for (int b = 0; b < h.bottomCount_; ++b)
      summands[static_cast<std::size_t>(h.ancestors_[static_cast<std::size_t>(b * levelCount + l)])].insert(
          h.ancestors_[static_cast<std::size_t>(b * levelCount + below)]);
  }
  for (const auto& s : summands) h.summands_.emplace_back(s.begin(), s.end());
  return h;
}

std::string Hierarchy::levelName(int depth) const {
  return depth == 0 ? std::string("total") : levels_.at(static_cast<std::size_t>(depth - 1));
}

std::vector<std::string> Hierarchy::columns() const {
  std::vector<std::string> out;
  for (const auto& levels : dimensions_) out.insert(out.end(), levels.begin(), levels.end());
  return out;
}

std::vector<std::string> Hierarchy::columnValues(int node) const {
  const HierarchyNode& n = nodes_.at(static_cast<std::size_t>(node));
  std::vector<std::string> out;
  std::size_t part = 0;
  for (std::size_t k = 0; k < dimensions_.size(); ++k)
    for (std::size_t j = 0; j < dimensions_[k].size(); ++j)
      out.push_back(static_cast<int>(j) < n.depths[k] ? n.parts[part++] : std::string());
  return out;
}

std::string Hierarchy::label(int node) const {
  const HierarchyNode& n = nodes_.at(static_cast<std::size_t>(node));
  if (n.parts.empty()) return n.name;
  // Under its tree parent a crossed node differs in its last dimension; a
  // first step into that dimension is marked as the crossing it is.
  const auto crossing = std::count_if(n.depths.begin(), n.depths.end(), [](int d) { return d > 0; });
  std::size_t last = n.depths.size() - 1;
  while (n.depths[last] == 0) --last;
  return (crossing > 1 && n.depths[last] == 1 ? "\u00d7 " : "") + n.parts.back();
}

int Hierarchy::find(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  return it == index_.end() ? -1 : it->second;
}

std::vector<int> Hierarchy::atDepth(int depth) const {
  std::vector<int> out;
  for (int i = 0; i < size(); ++i)
    if (nodes_[static_cast<std::size_t>(i)].depth == depth) out.push_back(i);
  return out;
}

std::vector<int> Hierarchy::bottomUnder(int node) const {
  const int level = nodes_.at(static_cast<std::size_t>(node)).depth;
  std::vector<int> out;
  for (int b = 0; b < bottomCount_; ++b)
    if (ancestors_[static_cast<std::size_t>(b * levelCount() + level)] == node) out.push_back(b);
  return out;
}

Eigen::SparseMatrix<double> Hierarchy::summingMatrix() const {
  std::vector<Eigen::Triplet<double>> ones;
  ones.reserve(ancestors_.size());
  for (int b = 0; b < bottomCount_; ++b)
    for (int l = 0; l < levelCount(); ++l) ones.emplace_back(ancestors_[static_cast<std::size_t>(b * levelCount() + l)], b, 1.0);
  Eigen::SparseMatrix<double> s(size(), bottomCount_);
  s.setFromTriplets(ones.begin(), ones.end());
  return s;
}

nlohmann::json Hierarchy::toJson() const {
  nlohmann::json bottom = nlohmann::json::array();
  for (int i = firstBottom(); i < size(); ++i) bottom.push_back(nodes_[static_cast<std::size_t>(i)].parts);
  if (isGrouped()) return {{"dimensions", dimensions_}, {"bottom", bottom}};
  return {{"levels", dimensions_.front()}, {"bottom", bottom}};
}

Hierarchy Hierarchy::fromJson(const nlohmann::json& j) {
  if (!j.is_object()) throw bad("hierarchy", "must be an object with 'levels' (or 'dimensions') and 'bottom'");
  for (const auto& [key, value] : j.items())
    if (key != "levels" && key != "dimensions" && key != "bottom")
      throw bad("hierarchy." + key, "unknown key (known: levels, dimensions, bottom)");
  const auto strings = [](const nlohmann::json& v, const std::string& field) {
    if (!v.is_array()) throw bad(field, "must be an array of strings");
    std::vector<std::string> out;
    for (const auto& s : v) {
      if (!s.is_string()) throw bad(field, "must be an array of strings");
      out.push_back(s.get<std::string>());
    }
    return out;
  };
  if (j.contains("levels") == j.contains("dimensions") || !j.contains("bottom"))
    throw bad("hierarchy", "needs 'bottom' and one of 'levels' (nested) or 'dimensions' (grouped)");
  std::vector<std::vector<std::string>> dimensions;
  if (j.contains("levels")) {
    dimensions.push_back(strings(j["levels"], "hierarchy.levels"));
  } else {
    if (!j["dimensions"].is_array() || j["dimensions"].size() < 2)
      throw bad("hierarchy.dimensions", "must be an array of at least two arrays of level names");
    for (std::size_t k = 0; k < j["dimensions"].size(); ++k)
      dimensions.push_back(strings(j["dimensions"][k], "hierarchy.dimensions[" + std::to_string(k) + "]"));
  }
  if (!j["bottom"].is_array()) throw bad("hierarchy.bottom", "must be an array of paths");
  std::vector<std::vector<std::string>> bottom;
  for (std::size_t i = 0; i < j["bottom"].size(); ++i)
    bottom.push_back(strings(j["bottom"][i], "hierarchy.bottom[" + std::to_string(i) + "]"));
  try {
    return crossed(std::move(dimensions), bottom);
  } catch (const InputError& e) {
    throw bad("hierarchy." + e.where().field, e.problem());
  }
}

}  // namespace foresight
