// The command table, filled by FORESIGHT_REGISTER_COMMAND in each command's file.
#include <algorithm>
#include <utility>
#include <vector>

#include "CliApplication.h"
#include "CommandRegistry.h"

namespace foresight::cli {

namespace {
std::vector<std::pair<int, CommandFactory>>& table() {
  static std::vector<std::pair<int, CommandFactory>> t;  // built during static init
  return t;
}
}  // namespace

CommandRegistration::CommandRegistration(int order, CommandFactory factory) {
  table().emplace_back(order, std::move(factory));
}

CommandList allCommands() {
  auto entries = table();
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  CommandList list;
  for (const auto& e : entries) list.push_back(e.second());
  return list;
}

}  // namespace foresight::cli
