// A hierarchy of series: a total at the top, then named levels down to the
// bottom series (Adventure Works: total -> region -> country -> territory;
// total -> category -> subcategory -> product). Every node is the sum of
// the bottom series under it, which the summing matrix S (nodes x bottom,
// Eigen::Sparse: one 1 per node and bottom series below it) states; forecasts
// are coherent when they equal S times their bottom part.
//
// A node is named by its path: its parts from the level below the total
// down, joined by '/' (a '/' or '\' inside a part is written "\/" or "\\"),
// e.g. "Europe/France/France"; the total is "Total". Nodes are ordered
// top-down (the total, then each level's nodes sorted by path), so a parent
// always comes before its children, and the bottom series come last.
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
  std::vector<std::string> parts;  // the path's parts (empty for the total)
  int depth = 0;                   // 0 = the total, levels().size() = bottom
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

  // The path name of `parts` (escaping '/' and '\'), and back.
  static std::string joinPath(const std::vector<std::string>& parts);
  static std::vector<std::string> splitPath(std::string_view name);

  const std::vector<std::string>& levels() const { return levels_; }
  // The level name of a depth: "total" for 0.
  std::string levelName(int depth) const;
  const std::vector<HierarchyNode>& nodes() const { return nodes_; }
  int size() const { return static_cast<int>(nodes_.size()); }
  int bottomCount() const { return bottomCount_; }
  // The index of the first bottom node (bottom nodes are the last ones).
  int firstBottom() const { return size() - bottomCount_; }
  // Node index of a name, -1 when absent.
  int find(std::string_view name) const;
  // Node indices at a depth, in node order.
  std::vector<int> atDepth(int depth) const;
  // Bottom positions (0-based among the bottom nodes) under a node.
  std::vector<int> bottomUnder(int node) const;

  // S: size() x bottomCount().
  Eigen::SparseMatrix<double> summingMatrix() const;

  // {"levels": [...], "bottom": [[parts], ...]}: enough to rebuild it.
  nlohmann::json toJson() const;
  // InputError naming the field on anything malformed.
  static Hierarchy fromJson(const nlohmann::json& j);

 private:
  std::vector<std::string> levels_;
  std::vector<HierarchyNode> nodes_;
  int bottomCount_ = 0;
  std::unordered_map<std::string, int> index_;
};

}  // namespace foresight
