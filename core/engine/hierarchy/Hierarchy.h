// A hierarchy of series: a total at the top, then named levels down to the
// bottom series (Adventure Works: total -> region -> country -> territory;
// total -> category -> subcategory -> product). Every node is the sum of
// the bottom series under it, which the summing matrix S (nodes x bottom,
// Eigen::Sparse: one 1 per node and bottom series below it) states; forecasts
// are coherent when they equal S times their bottom part.
//
// A grouped (crossed) structure crosses several such dimensions
// (`territory*category`): its bottom series are the combinations of every
// dimension's bottom values, and there is a node for every combination of
// levels (region*category, country, category, ...), each the sum of the
// bottom series under it. A nested hierarchy is the case of one dimension.
//
// A node is named by its path: its parts from the level below the total
// down, joined by '/' (a '/' or '\' inside a part is written "\/" or
// "\\"), e.g. "Europe/France/France"; the total is "Total". A node of a
// grouped structure joins the paths of its dimensions that are not at their
// total with '*' ("Europe/France*Bikes"; the category node alone is
// "Bikes"), a '*' inside a part written "\*". Levels are ordered with the last dimension outermost (total,
// region, country, territory, category, region*category, ...), nodes by
// level then path, so every node comes after the nodes it sums into and
// the bottom series come last.
#pragma once

#include <Eigen/SparseCore>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace foresight {

struct HierarchyNode {
  std::string name;                // path, or "Total"
  std::vector<std::string> parts;  // every dimension's path parts, in dimension order (empty for the total)
  std::vector<int> depths;         // the depth in each dimension (0: at its total)
  int depth = 0;                   // the level's index: 0 = the total, levelCount() - 1 = the bottom
  // The tree the workbench and Power BI's parent column show: one step up
  // in the last dimension that is not at its total (nested: the parent).
  int parent = -1;                 // node index; -1 for the total
  std::vector<int> children;       // node indices, in node order
};

class Hierarchy {
 public:
  static constexpr std::string_view kTotalName = "Total";

  // `levels` names the levels below the total, top-down ("region",
  // "country", "territory"); each bottom path has one part per level.
  // InputError (naming the path) on no level, no bottom path, a wrong part
  // count, an empty part or a duplicate bottom path. The same part under
  // different parents makes different nodes ("Europe/France/France").
  static Hierarchy fromPaths(std::vector<std::string> levels, const std::vector<std::vector<std::string>>& bottom);
  // Several dimensions crossed; each bottom path has every dimension's parts
  // in turn. InputError as fromPaths, and when a level name repeats or two
  // nodes would share a name (a category named like a region).
  static Hierarchy crossed(std::vector<std::vector<std::string>> dimensions,
                           const std::vector<std::vector<std::string>>& bottom);

  // The path name of `parts` (escaping '/' and '\'), and back.
  static std::string joinPath(const std::vector<std::string>& parts);
  static std::vector<std::string> splitPath(std::string_view name);
  // The name of a node from one path per dimension (empty: at its total):
  // the paths below their total joined by '*' (a '*' in a part of a grouped
  // structure written "\*"); "Total" when every path is empty.
  static std::string crossedName(const std::vector<std::vector<std::string>>& paths);
  // A grouped node's name cut at its unescaped '*': one path per dimension
  // that is not at its total (still escaped: splitPath reads each).
  static std::vector<std::string> splitCrossed(std::string_view name);

  // Each dimension's levels, top-down (one dimension for a nested hierarchy).
  const std::vector<std::vector<std::string>>& dimensions() const { return dimensions_; }
  bool isGrouped() const { return dimensions_.size() > 1; }
  // The names of the levels below the total, in level order ("region", ...,
  // "territory*category").
  const std::vector<std::string>& levels() const { return levels_; }
  int levelCount() const { return static_cast<int>(levels_.size()) + 1; }
  // The level name of a level index: "total" for 0.
  std::string levelName(int depth) const;
  // Every dimension's levels in turn: one column per level for exports.
  std::vector<std::string> columns() const;
  // A node's value in each column: its part there, empty where it is above.
  std::vector<std::string> columnValues(int node) const;
  // How the workbench labels a node under its tree parent: its last part,
  // after "× " (UTF-8) where it first crosses its last dimension ("× Bikes"
  // under Europe for Europe*Bikes); "Total" for the total.
  std::string label(int node) const;

  const std::vector<HierarchyNode>& nodes() const { return nodes_; }
  int size() const { return static_cast<int>(nodes_.size()); }
  int bottomCount() const { return bottomCount_; }
  // The index of the first bottom node (bottom nodes are the last ones).
  int firstBottom() const { return size() - bottomCount_; }
  // Node index of a name, -1 when absent.
  int find(std::string_view name) const;
  // Node indices at a level, in node order.
  std::vector<int> atDepth(int depth) const;
  // Bottom positions (0-based among the bottom nodes) under a node.
  std::vector<int> bottomUnder(int node) const;
  // Nodes that add up to `node`: one step down in its first dimension that
  // is not at its bottom (nested: its children); empty for a bottom node.
  const std::vector<int>& summands(int node) const { return summands_[static_cast<std::size_t>(node)]; }

  // S: size() x bottomCount().
  Eigen::SparseMatrix<double> summingMatrix() const;

  // {"levels": [...], "bottom": [[parts], ...]} (grouped: "dimensions"
  // instead of "levels"): enough to rebuild it.
  nlohmann::json toJson() const;
  // InputError naming the field on anything malformed.
  static Hierarchy fromJson(const nlohmann::json& j);

 private:
  std::vector<std::vector<std::string>> dimensions_;
  std::vector<std::string> levels_;
  std::vector<std::vector<int>> levelDepths_;  // per level index: the depth in each dimension
  std::vector<HierarchyNode> nodes_;
  std::vector<std::vector<int>> summands_;
  std::vector<int> ancestors_;  // bottom b, level l -> the node at level l above b: [b * levelCount() + l]
  int bottomCount_ = 0;
  std::unordered_map<std::string, int> index_;
};

}  // namespace foresight
