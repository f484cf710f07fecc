#include "pipeline/SourceRequest.h"

#include "engine/common/Errors.h"

namespace foresight::pipeline {

const std::vector<SourceRequest::Option>& SourceRequest::options() {
  static const std::vector<Option> list = {
      {"query", "SQL", "SQL query to run when SOURCE is a database URI"},
      {"date-col", "C", "Date column of a generic file or query (name or 1-based number)"},
      {"value-col", "C", "Value column of a generic file or query"},
      {"series-col", "C", "Series-name column of a generic file or query"},
      {"date-format", "F", "Date format: iso, dmy (DD-MM-YYYY), mdy (MM-DD-YYYY), sqlserver; default: detected"},
  };
  return list;
}

SourceRequest SourceRequest::fromOptions(
    const std::string& source, const std::function<std::optional<std::string>(const std::string&)>& lookup) {
  SourceRequest r;
  r.source = source;
  r.query = lookup("query").value_or("");
  r.columns.dateColumn = lookup("date-col").value_or("");
  r.columns.valueColumn = lookup("value-col").value_or("");
  r.columns.seriesColumn = lookup("series-col").value_or("");
  if (const auto f = lookup("date-format")) {
    r.columns.dateFormat = parseDateFormatName(*f);
    if (!r.columns.dateFormat)
      throw UsageError("--date-format: unknown format " + quoteForMessage(*f) + " (use iso, dmy, mdy or sqlserver)");
  }
  return r;
}

}  // namespace foresight::pipeline
