// The Registry page's details of one version as HTML for a QTextBrowser:
// identity, metrics and parameters as tables of formatted values
// (NumberFormat: separators, significant digits, "—" for null), the
// backtest summary flattened into rows, lineage with local timestamps.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>

#include "registry/RegistryTypes.h"

namespace foresight::ui {

class VersionDetails {
 public:
  static QString html(const registry::VersionRecord& v);
  // A JSON value as people read it: numbers formatted (a metric by its
  // key's rules), "—" for null, lists joined with ", ", objects as
  // "key = value" pairs.
  static QString value(const std::string& key, const nlohmann::json& value);
  // Nested objects as rows of dotted keys ("config.horizon", "28").
  static std::vector<std::pair<QString, QString>> rows(const nlohmann::json& object, const QString& prefix = {});
};

}  // namespace foresight::ui
