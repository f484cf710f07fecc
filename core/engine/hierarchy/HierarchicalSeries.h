// Series for every node of a hierarchy, from data or from a file, and the
// file itself: the tidy series CSV with a fourth column naming each series'
// level (`series,date,value,level`, header required; the plain readers of
// the tidy CSV take it too and see every node as one more series).
//
// From data, the bottom series are built as `data series --by <last level>`
// builds them and every aggregate is their sum, so the series are coherent
// to the bit; the path of a bottom series comes from its rows' attributes
// (a product's subcategory and category), and an attribute that changes
// between rows of one bottom series is refused, naming both values.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/data/Dimension.h"
#include "engine/data/LoadedData.h"
#include "engine/data/SeriesRequest.h"
#include "engine/hierarchy/Hierarchy.h"

namespace foresight {

struct HierarchicalPanel {
  Hierarchy hierarchy;
  Panel panel;  // one series per node, in node order, named by the node's path
};

class HierarchicalSeries {
 public:
  // One list of levels per dimension: "territory" (region, country,
  // territory), "product" (category, subcategory, product), dimensions
  // top-down joined by ',' ("country,territory"), or several of these
  // crossed with '*' ("territory*category"); nullopt when a name is
  // unknown or a dimension is named twice.
  static std::optional<std::vector<std::vector<Dimension>>> parseLevels(std::string_view spec);
  static std::string levelsHelp();

  // `request.groupBy` is ignored: the last level (of each crossed
  // dimension) groups the bottom series. InputError when the data lacks a
  // level's dimension, or (crossed) a row lacks a bottom value.
  static HierarchicalPanel build(const LoadedData& data, const SeriesRequest& request,
                                 const std::vector<std::vector<Dimension>>& dimensions);
  static HierarchicalPanel build(const LoadedData& data, const SeriesRequest& request,
                                 const std::vector<Dimension>& levels);

  // Aggregates summed from the bottom series (`bottom` in any order, named
  // by their paths, all on the same dates).
  static HierarchicalPanel fromBottom(std::vector<std::string> levels, const Panel& bottom);
  // The same for one list of levels per dimension, a crossed bottom series
  // named by its dimensions' paths joined by '*' (one dimension: fromBottom).
  // Not an overload: {"region", "store"} would also make a list of lists.
  static HierarchicalPanel fromBottomCrossed(std::vector<std::vector<std::string>> dimensions, const Panel& bottom);

  static void write(std::ostream& out, const HierarchicalPanel& h);
  static void writeFile(const std::string& path, const HierarchicalPanel& h, const CancellationToken* cancel = nullptr,
                        const ProgressSink& progress = {});

  // Reads `series,date,value,level` (a grouped structure's crossed levels
  // are named like "country*category"). InputError (file, and the series or
  // line) when the level column is missing, a series has two levels, a depth
  // two level names, the series do not form a hierarchy (a node missing, a
  // path of the wrong depth, a node at another level), their dates differ,
  // or a node is not the sum of its bottom series (1e-9 relative: the file
  // was edited).
  static HierarchicalPanel read(std::string_view text, const std::string& sourceName);
  static HierarchicalPanel readFile(const std::string& path);
};

}  // namespace foresight
