#include "engine/hierarchy/Hierarchy.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

InputError bad(const std::string& field, const std::string& problem) {
  return InputError(InputLocation{"", 0, field, ""}, problem);
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

Hierarchy Hierarchy::fromPaths(std::vector<std::string> levels, const std::vector<std::vector<std::string>>& bottom) {
  if (levels.empty()) throw bad("levels", "a hierarchy needs at least one level below the total");
  if (bottom.empty()) throw bad("bottom", "a hierarchy needs at least one bottom series");
  for (const auto& level : levels)
    if (level.empty() || level == "total") throw bad("levels", "level names must be non-empty and not 'total'");
  const std::size_t depth = levels.size();
  // Every prefix of every bottom path, per depth, sorted.
  std::vector<std::set<std::vector<std::string>>> byDepth(depth + 1);
  for (const auto& path : bottom) {
    if (path.size() != depth)
      throw bad("bottom", "path '" + joinPath(path) + "' has " + std::to_string(path.size()) + " part(s); the levels (" +
                              std::to_string(depth) + ") need one each");
    for (const auto& part : path)
      if (part.empty()) throw bad("bottom", "path '" + joinPath(path) + "' has an empty part");
    if (!byDepth[depth].insert(path).second) throw bad("bottom", "path '" + joinPath(path) + "' appears twice");
    for (std::size_t d = 0; d < depth; ++d) byDepth[d].insert(std::vector<std::string>(path.begin(), path.begin() + d));
  }
  Hierarchy h;
  h.levels_ = std::move(levels);
  for (std::size_t d = 0; d <= depth; ++d)
    for (const auto& parts : byDepth[d]) {
      HierarchyNode node;
      node.name = joinPath(parts);
      node.parts = parts;
      node.depth = static_cast<int>(d);
      const int index = static_cast<int>(h.nodes_.size());
      if (d > 0) {
        node.parent = h.index_.at(joinPath(std::vector<std::string>(parts.begin(), parts.end() - 1)));
        h.nodes_[static_cast<std::size_t>(node.parent)].children.push_back(index);
      }
      // A part named "Total" at depth 1 would collide with the total.
      if (!h.index_.emplace(node.name, index).second)
        throw bad("bottom", "node name '" + node.name + "' is used twice (a part named '" + std::string(kTotalName) +
                                "' at the top level is taken by the total)");
      h.nodes_.push_back(std::move(node));
    }
  h.bottomCount_ = static_cast<int>(byDepth[depth].size());
  return h;
}

std::string Hierarchy::levelName(int depth) const {
  return depth == 0 ? std::string("total") : levels_.at(static_cast<std::size_t>(depth - 1));
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
  std::vector<int> out;
  std::vector<int> stack{node};
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    const auto& children = nodes_[static_cast<std::size_t>(n)].children;
    if (children.empty()) out.push_back(n - firstBottom());
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Eigen::SparseMatrix<double> Hierarchy::summingMatrix() const {
  std::vector<Eigen::Triplet<double>> ones;
  ones.reserve(static_cast<std::size_t>(bottomCount_) * (levels_.size() + 1));
  // Walk up from each bottom node: one entry per ancestor and itself.
  for (int b = 0; b < bottomCount_; ++b)
    for (int n = firstBottom() + b; n >= 0; n = nodes_[static_cast<std::size_t>(n)].parent)
      ones.emplace_back(n, b, 1.0);
  Eigen::SparseMatrix<double> s(size(), bottomCount_);
  s.setFromTriplets(ones.begin(), ones.end());
  return s;
}

nlohmann::json Hierarchy::toJson() const {
  nlohmann::json bottom = nlohmann::json::array();
  for (int i = firstBottom(); i < size(); ++i) bottom.push_back(nodes_[static_cast<std::size_t>(i)].parts);
  return {{"levels", levels_}, {"bottom", bottom}};
}

Hierarchy Hierarchy::fromJson(const nlohmann::json& j) {
  if (!j.is_object()) throw bad("hierarchy", "must be an object with 'levels' and 'bottom'");
  for (const auto& [key, value] : j.items())
    if (key != "levels" && key != "bottom") throw bad("hierarchy." + key, "unknown key (known: levels, bottom)");
  const auto strings = [](const nlohmann::json& v, const std::string& field) {
    if (!v.is_array()) throw bad(field, "must be an array of strings");
    std::vector<std::string> out;
    for (const auto& s : v) {
      if (!s.is_string()) throw bad(field, "must be an array of strings");
      out.push_back(s.get<std::string>());
    }
    return out;
  };
  if (!j.contains("levels") || !j.contains("bottom")) throw bad("hierarchy", "needs 'levels' and 'bottom'");
  std::vector<std::string> levels = strings(j["levels"], "hierarchy.levels");
  if (!j["bottom"].is_array()) throw bad("hierarchy.bottom", "must be an array of paths");
  std::vector<std::vector<std::string>> bottom;
  for (std::size_t i = 0; i < j["bottom"].size(); ++i)
    bottom.push_back(strings(j["bottom"][i], "hierarchy.bottom[" + std::to_string(i) + "]"));
  try {
    return fromPaths(std::move(levels), bottom);
  } catch (const InputError& e) {
    throw bad("hierarchy." + e.where().field, e.problem());
  }
}

}  // namespace foresight
