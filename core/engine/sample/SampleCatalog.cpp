#include "engine/sample/SampleCatalog.h"

#include <stdexcept>

namespace foresight {

namespace {
// Adventure Works' own keys and names, so grouping by category or subcategory
// reads like the real export; only subcategories that sell are listed.
constexpr SampleCategory kCategories[] = {
    {1, "Bikes"}, {2, "Components"}, {3, "Clothing"}, {4, "Accessories"}};

constexpr SampleSubcategory kSubcategories[] = {
    {1, "Mountain Bikes", 1},  {2, "Road Bikes", 1},
    {3, "Touring Bikes", 1},   {4, "Handlebars", 2},
    {6, "Brakes", 2},          {7, "Chains", 2},
    {11, "Headsets", 2},       {17, "Wheels", 2},
    {19, "Caps", 3},           {20, "Gloves", 3},
    {21, "Jerseys", 3},        {22, "Shorts", 3},
    {23, "Socks", 3},          {28, "Bottles and Cages", 4},
    {31, "Helmets", 4},        {33, "Lights", 4},
    {34, "Locks", 4},          {36, "Pumps", 4},
    {37, "Tires and Tubes", 4}};

constexpr std::string_view kSummitDesc =
    "Race-ready full-suspension trail bike, built around our lightest aluminium frame.";
constexpr std::string_view kVelo150Desc = "Top-of-the-range carbon race bike; stiff, light, fast.";
constexpr std::string_view kJerseyDesc = "Unisex long-sleeve jersey in 100% microfibre.";
constexpr std::string_view kClassicDesc =
    "Short-sleeve classic breathable jersey with moisture control, front zipper and 3 back "
    "pockets.";
constexpr std::string_view kGloveDesc =
    "Synthetic leather palm, padded knuckles, breathable mesh back.";
constexpr std::string_view kSockDesc = "Thin, light and durable with cuffs that stay up.";
constexpr std::string_view kHelmetDesc = "Universal fit, well-vented, lightweight, snap-on visor.";
constexpr std::string_view kBrakeDesc = "Aluminium alloy cantilever; light, and stops quickly.";

// Invented products in the Adventure Works style: sized variants carry the
// size after a comma in the name (so the CSV quotes them), prices keep up to
// four decimals, costs sit at roughly 35-80% of the price.
// One product per line reads as the table it is.
// clang-format off
constexpr SampleProduct kProducts[] = {
    {310, 1, "BK-S20B-38", "Summit-200 Black, 38", "Summit-200", kSummitDesc, "Black", "38", "U", "1251.9813", "2319.99", 3},
    {311, 1, "BK-S20B-42", "Summit-200 Black, 42", "Summit-200", kSummitDesc, "Black", "42", "U", "1251.9813", "2319.99", 3},
    {312, 1, "BK-S20S-46", "Summit-200 Silver, 46", "Summit-200", kSummitDesc, "Silver", "46", "U", "1265.6195", "2339.99", 2},
    {313, 1, "BK-S40W-40", "Summit-400-W Silver, 40", "Summit-400-W", "Women's trail geometry: responsive, and easy to handle off-road.", "Silver", "40", "W", "419.7784", "769.49", 4},
    {314, 1, "BK-S50R-44", "Summit-500 Red, 44", "Summit-500", "Entry-level hardtail for the first rides on gravel and park trails.", "Red", "44", "U", "294.5797", "539.99", 5},
    {320, 2, "BK-V15R-48", "Velo-150 Red, 48", "Velo-150", kVelo150Desc, "Red", "48", "U", "2171.2942", "3578.27", 2},
    {321, 2, "BK-V15R-52", "Velo-150 Red, 52", "Velo-150", kVelo150Desc, "Red", "52", "U", "2171.2942", "3578.27", 2},
    {322, 2, "BK-V45B-56", "Velo-450 Black, 56", "Velo-450", "A true multi-sport road bike, comfortable on long club rides.", "Black", "56", "U", "812.3541", "1457.99", 4},
    {323, 2, "BK-V65Y-44", "Velo-650 Yellow, 44", "Velo-650", "Value-priced road bike with a light, stiff frame.", "Yellow", "44", "U", "401.223", "699.0982", 5},
    {324, 2, "BK-V75B-52", "Velo-750 Black, 52", "Velo-750", "Entry level adult bike for commuting; quick-release hubs and rims.", "Black", "52", "U", "338.1204", "539.99", 6},
    {330, 3, "BK-T10U-54", "Tour-1000 Blue, 54", "Tour-1000", "Long-distance touring bike with a plush saddle, rack mounts and wide-range gears.", "Blue", "54", "U", "1482.6623", "2384.07", 2},
    {331, 3, "BK-T20Y-50", "Tour-2000 Yellow, 50", "Tour-2000", "All-day touring comfort; stable when fully loaded with panniers.", "Yellow", "50", "U", "741.987", "1214.85", 3},
    {332, 3, "BK-T30U-58", "Tour-3000 Blue, 58", "Tour-3000", "All-occasion value bike with wider, more stable tires for town and weekend trips.", "Blue", "58", "U", "455.6091", "742.35", 4},
    {340, 4, "HB-R504", "ML Road Handlebars", "ML Road Handlebars", "Anatomically shaped aluminium bar for long rides.", "NA", "0", "0", "24.9934", "61.92", 3},
    {341, 4, "HB-M763", "HL Mountain Handlebars", "HL Mountain Handlebars", "Flat carbon bar, wide and light for technical trails.", "NA", "0", "0", "53.3999", "120.27", 2},
    {342, 6, "RB-9231", "Rear Brakes", "Rear Brakes", kBrakeDesc, "Silver", "0", "0", "47.286", "106.5", 3},
    {343, 6, "FB-9873", "Front Brakes", "Front Brakes", kBrakeDesc, "Silver", "0", "0", "47.286", "106.5", 3},
    {344, 7, "CH-0234", "Chain", "Chain", "Superior chain with pinless joining, for smooth shifting.", "Silver", "0", "0", "8.9866", "20.24", 5},
    {345, 11, "HS-2451", "ML Headset", "ML Headset", "Sealed 1 1/8\" threadless headset, easy to service.", "NA", "0", "0", "45.4168", "102.29", 2},
    {346, 17, "FW-R762", "ML Road Front Wheel", "ML Road Front Wheel", "Aluminium rim with stainless steel spokes; built for speed.", "Black", "0", "0", "110.2829", "248.385", 2},
    {347, 17, "RW-M423", "LL Mountain Rear Wheel", "LL Mountain Rear Wheel", "Replacement wheel for the entry-level rider.", "Black", "0", "0", "38.9588", "87.745", 3},
    {350, 19, "CA-1098", "Team Cycling Cap", "Team Cycling Cap", "Traditional cotton cap with a flip-up brim; one size fits all.", "Multi", "0", "U", "6.9223", "8.99", 6},
    {351, 20, "GL-H102-M", "Half-Finger Gloves, M", "Half-Finger Gloves", kGloveDesc, "Black", "M", "U", "9.1593", "24.49", 4},
    {352, 20, "GL-H102-L", "Half-Finger Gloves, L", "Half-Finger Gloves", kGloveDesc, "Black", "L", "U", "9.1593", "24.49", 4},
    {353, 21, "LJ-0192-S", "Long-Sleeve Logo Jersey, S", "Long-Sleeve Logo Jersey", kJerseyDesc, "Multi", "S", "U", "38.4923", "49.99", 3},
    {354, 21, "LJ-0192-M", "Long-Sleeve Logo Jersey, M", "Long-Sleeve Logo Jersey", kJerseyDesc, "Multi", "M", "U", "38.4923", "49.99", 4},
    {355, 21, "LJ-0192-L", "Long-Sleeve Logo Jersey, L", "Long-Sleeve Logo Jersey", kJerseyDesc, "Multi", "L", "U", "38.4923", "49.99", 4},
    {356, 21, "SJ-0194-M", "Short-Sleeve Classic Jersey, M", "Short-Sleeve Classic Jersey", kClassicDesc, "Yellow", "M", "U", "41.5723", "53.99", 3},
    {357, 21, "SJ-0194-X", "Short-Sleeve Classic Jersey, XL", "Short-Sleeve Classic Jersey", kClassicDesc, "Yellow", "XL", "U", "41.5723", "53.99", 2},
    {358, 23, "SO-R809-M", "Racing Socks, M", "Racing Socks", kSockDesc, "White", "M", "U", "3.3623", "8.99", 5},
    {359, 23, "SO-R809-L", "Racing Socks, L", "Racing Socks", kSockDesc, "White", "L", "U", "3.3623", "8.99", 4},
    {360, 22, "SH-W890-S", "Women's Mountain Shorts, S", "Women's Mountain Shorts", "Stretchy, quick-drying shorts with a padded insert; made for the trail.", "Black", "S", "W", "26.1763", "69.99", 3},
    {370, 28, "WB-H098", "Water Bottle - 30 oz.", "Water Bottle", "Insulated 30 oz. bottle: leak-proof and dishwasher safe.", "NA", "0", "0", "1.8663", "4.99", 8},
    {371, 28, "BC-M005", "Mountain Bottle Cage", "Mountain Bottle Cage", "Tough aluminium cage that holds a bottle securely on rough terrain.", "NA", "0", "0", "3.7363", "9.99", 5},
    {372, 31, "HL-T100-R", "Trail-100 Helmet, Red", "Trail-100", kHelmetDesc, "Red", "0", "0", "13.0863", "34.99", 6},
    {373, 31, "HL-T100-B", "Trail-100 Helmet, Black", "Trail-100", kHelmetDesc, "Black", "0", "0", "12.0278", "33.6442", 6},
    {374, 31, "HL-T100-U", "Trail-100 Helmet, Blue", "Trail-100", kHelmetDesc, "Blue", "0", "0", "13.0863", "34.99", 4},
    {375, 33, "LT-H902", "Headlights - Dual-Beam", "Headlights - Dual-Beam", "Rechargeable dual-beam headlight, weatherproof.", "NA", "0", "0", "14.4334", "34.99", 3},
    {376, 33, "LT-T990", "Taillight - Battery", "Taillight", "Bright red flashing LED taillight with a quick-release clip.", "NA", "0", "0", "5.7709", "13.99", 3},
    {377, 34, "LO-C100", "Cable Lock", "Cable Lock", "Wraps to fit front and rear tires, carrier and 2 keys included.", "NA", "0", "0", "10.3125", "25", 3},
    {378, 37, "TI-M823", "HL Mountain Tire", "HL Mountain Tire", "Incredible traction, lightweight carbon reinforced; for the trail.", "NA", "0", "0", "13.09", "35", 4},
    {379, 37, "TI-R628", "ML Road Tire", "ML Road Tire", "Soft, flexible road tire with a puncture-resistant band.", "NA", "0", "0", "9.3463", "24.99", 4},
    {380, 37, "TT-R982", "Road Tire Tube", "Road Tire Tube", "Universal-fit tube for road tires.", "NA", "0", "0", "1.4923", "3.99", 7},
    {381, 36, "PU-0452", "Minipump", "Minipump", "Designed for convenience: fits in your pocket, aluminium barrel.", "NA", "0", "0", "8.2459", "19.99", 4},
    {382, 37, "PK-7098", "Patch Kit/8 Patches", "Patch Kit", "Includes 8 different size patches, glue and sandpaper.", "NA", "0", "0", "0.8565", "2.29", 6},
};
// clang-format on

// The ten Adventure Works sales territories; weights give each a share of
// new customers (North America and Australia sell most, as in the export).
constexpr SampleTerritory kTerritories[] = {
    {1, "Northwest", "United States", "North America", 15},
    {2, "Northeast", "United States", "North America", 6},
    {3, "Central", "United States", "North America", 5},
    {4, "Southwest", "United States", "North America", 18},
    {5, "Southeast", "United States", "North America", 6},
    {6, "Canada", "Canada", "North America", 12},
    {7, "France", "France", "Europe", 9},
    {8, "Germany", "Germany", "Europe", 9},
    {9, "Australia", "Australia", "Pacific", 20},
    {10, "United Kingdom", "United Kingdom", "Europe", 10},
};
}  // namespace

std::span<const SampleCategory> SampleCatalog::categories() {
  return kCategories;
}
std::span<const SampleSubcategory> SampleCatalog::subcategories() {
  return kSubcategories;
}
std::span<const SampleProduct> SampleCatalog::products() {
  return kProducts;
}
std::span<const SampleTerritory> SampleCatalog::territories() {
  return kTerritories;
}

int SampleCatalog::categoryOf(const SampleProduct& product) {
  for (const auto& s : kSubcategories)
    if (s.key == product.subcategoryKey) return s.categoryKey;
  throw std::logic_error("sample catalog: product without subcategory");
}

std::int64_t SampleCatalog::toTenThousandths(std::string_view money) {
  std::int64_t units = 0;
  int places = -1;  // digits seen after the decimal point; -1 before it
  for (char c : money) {
    if (c == '.') {
      places = 0;
      continue;
    }
    units = units * 10 + (c - '0');
    if (places >= 0) ++places;
  }
  for (places = places < 0 ? 0 : places; places < 4; ++places) units *= 10;
  return units;
}

}  // namespace foresight
