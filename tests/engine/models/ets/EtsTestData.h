// Series the ETS tests compare with R: Adventure Works revenue built from the
// shared sales export exactly as bench/r/ets_reference.R builds it, M4 Weekly
// rows, and the reference JSON R produced.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace foresight::test {

// Daily revenue (sum of OrderQuantity x ProductPrice per OrderDate, days
// without orders as 0) or monthly revenue, from the adventureworks folder.
std::vector<double> adventureWorksRevenue(const std::filesystem::path& folder, bool monthly);
// The values of one row ("W1") of an M4 training file.
std::vector<double> m4Series(const std::filesystem::path& csv, const std::string& id);
// tests/engine/models/ets/ets_reference.json.
nlohmann::json etsReference();

}  // namespace foresight::test
