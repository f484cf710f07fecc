#include "engine/data/RejectedRows.h"

#include <algorithm>  // std::sort
#include <tuple>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

// "row rejected: the value is not a number" -> "the value is not a number"
std::string reason(const std::string& message) {
  const auto colon = message.find(": ");
  return message.rfind("row ", 0) == 0 && colon != std::string::npos ? message.substr(colon + 2) : message;
}

}  // namespace

RejectedRows::RejectedRows(const FindingLog& log) {
  struct Named {
    const InputLocation* where;
    std::string text;
  };
  std::vector<Named> named;
  for (const auto& f : log.findings()) {
    if (!f.rejectsRow) continue;
    count_ += f.count;
    for (const auto& e : f.examples) named.push_back({&e.where, e.describe() + ": " + reason(f.message)});
  }
  std::stable_sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
    return std::tie(a.where->file, a.where->line) < std::tie(b.where->file, b.where->line);
  });
  for (auto& n : named) rows_.push_back(std::move(n.text));
}

std::string RejectedRows::describe(std::string_view verb) const {
  std::string s = std::to_string(count_) + (count_ == 1 ? " row " : " rows ") + std::string(verb);
  const std::size_t shown = std::min(rows_.size(), kNamed);
  for (std::size_t i = 0; i < shown; ++i) s += (i == 0 ? "; the first: " : "; ") + rows_[i];
  if (count_ > shown) s += "; ... and " + std::to_string(count_ - shown) + " more";
  return s;
}

std::vector<std::string> RejectedRows::listing() const {
  if (count_ == 0) return {};
  std::vector<std::string> lines{std::to_string(count_) + (count_ == 1 ? " row" : " rows") +
                                 " skipped (skipping bad rows was asked for)"};
  for (const auto& row : rows_) lines.push_back("skipped row " + row);
  if (count_ > rows_.size()) lines.push_back("... and " + std::to_string(count_ - rows_.size()) + " more skipped rows");
  return lines;
}

RejectedRows RejectedRows::apply(LoadedData& data, BadRowPolicy policy, const std::string& howToSkip) {
  RejectedRows rows(data.findings);
  if (rows.count() == 0) return rows;
  if (policy == BadRowPolicy::Stop)
    throw InputError(InputLocation{data.source, 0, "", ""}, rows.describe() + "; stopped so that no row is left out unnoticed (" + howToSkip + ")");
  data.findings.skipRejectedRows();
  return rows;
}

}  // namespace foresight
