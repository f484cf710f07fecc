// A data source as a user names it (path or database URI, query, column
// mapping), with the option declarations every front end shares.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/LoadOptions.h"

namespace foresight::pipeline {

struct SourceRequest {
  // A command-line option that names part of a source; declared once here so
  // `data inspect`, `validate` and `series` (and later commands) agree.
  struct Option {
    std::string name;       // without dashes
    std::string valueName;  // "SQL", "C", "F"
    std::string help;
  };

  std::string source;  // folder, file, or sqlite:// / postgresql:// URI
  std::string query;   // SQL for a database source
  ColumnMapping columns;

  static const std::vector<Option>& options();
  // Builds a request from option values (`lookup` returns an option's value
  // or nullopt). Throws UsageError on an unknown --date-format.
  static SourceRequest fromOptions(const std::string& source,
                                   const std::function<std::optional<std::string>(const std::string&)>& lookup);
};

}  // namespace foresight::pipeline
