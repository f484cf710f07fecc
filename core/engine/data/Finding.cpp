#include "engine/data/Finding.h"

namespace foresight {

std::string_view severityName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "info";
}

std::optional<Severity> parseSeverity(std::string_view name) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
    if (severityName(s) == name) return s;
  return std::nullopt;
}

std::string FindingExample::describe() const {
  std::string s = where.describe();
  if (!detail.empty()) s += (s.empty() ? "" : ": ") + detail;
  return s;
}

}  // namespace foresight
