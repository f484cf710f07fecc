#include "engine/data/Dimension.h"

namespace foresight {

std::string_view dimensionName(Dimension d) {
  switch (d) {
    case Dimension::Territory: return "territory";
    case Dimension::Region: return "region";
    case Dimension::Country: return "country";
    case Dimension::Category: return "category";
    case Dimension::Subcategory: return "subcategory";
    case Dimension::Product: return "product";
    case Dimension::Series: return "series";
  }
  return "series";
}

std::optional<Dimension> parseDimension(std::string_view name) {
  for (Dimension d : kAllDimensions)
    if (dimensionName(d) == name) return d;
  return std::nullopt;
}

}  // namespace foresight
