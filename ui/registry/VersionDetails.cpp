#include "ui/registry/VersionDetails.h"

#include <QStringList>
#include <exception>

#include "engine/eval/MetricKey.h"
#include "ui/format/NumberFormat.h"
#include "ui/registry/RegistryVersionsModel.h"

namespace foresight::ui {

namespace {

QString escaped(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString table(const std::vector<std::pair<QString, QString>>& rows, bool tooltips) {
  if (rows.empty()) return QStringLiteral("<p>") + NumberFormat::missing() + QStringLiteral("</p>");
  QString out = QStringLiteral("<table cellspacing=0 cellpadding=3>");
  for (const auto& [key, value] : rows) {
    const QString tip = tooltips ? RegistryVersionsModel::metricTooltip(key).toHtmlEscaped() : QString();
    out += QStringLiteral("<tr><td title=\"%1\"><b>%2</b></td><td align=right>%3</td></tr>")
               .arg(tip, key.toHtmlEscaped(), value.toHtmlEscaped());
  }
  return out + QStringLiteral("</table>");
}

}  // namespace

QString VersionDetails::value(const std::string& key, const nlohmann::json& v) {
  const NumberFormat format;
  if (v.is_null()) return NumberFormat::missing();
  if (v.is_boolean()) return v.get<bool>() ? QStringLiteral("yes") : QStringLiteral("no");
  if (v.is_number_integer()) return format.integer(v.get<long long>());
  if (v.is_number_unsigned()) return format.integer(static_cast<long long>(v.get<unsigned long long>()));
  if (v.is_number()) {
    // A metric's own rules (coverage as a percentage...) when the key names one.
    try {
      return format.metric(MetricKey::parse(key), v.get<double>());
    } catch (const std::exception&) {
      return format.number(v.get<double>());
    }
  }
  if (v.is_string()) return QString::fromStdString(v.get<std::string>());
  QStringList parts;
  if (v.is_array()) {
    for (const auto& item : v) parts << value(key, item);
    return parts.join(QStringLiteral(", "));
  }
  for (const auto& [k, item] : v.items()) parts << QString::fromStdString(k) + QStringLiteral(" = ") + value(k, item);
  return parts.join(QStringLiteral("; "));
}

std::vector<std::pair<QString, QString>> VersionDetails::rows(const nlohmann::json& object, const QString& prefix) {
  std::vector<std::pair<QString, QString>> out;
  if (!object.is_object()) {
    if (!object.is_null()) out.emplace_back(prefix, value(prefix.toStdString(), object));
    return out;
  }
  for (const auto& [k, item] : object.items()) {
    const QString key = prefix.isEmpty() ? QString::fromStdString(k) : prefix + QLatin1Char('.') + QString::fromStdString(k);
    if (item.is_object() && !item.empty()) {
      for (auto& row : rows(item, key)) out.push_back(std::move(row));
    } else {
      out.emplace_back(key, value(k, item));
    }
  }
  return out;
}

QString VersionDetails::html(const registry::VersionRecord& v) {
  const NumberFormat format;
  QString out = QStringLiteral("<h3>%1 / %2</h3>").arg(escaped(v.model)).arg(v.version);
  out += QStringLiteral("<p><b>Spec:</b> %1 &nbsp; <b>Type:</b> %2 &nbsp; <b>Series:</b> %3 (%4)</p>")
             .arg(escaped(v.spec), escaped(v.modelType), format.integer(v.seriesCount), escaped(v.frequency));
  out += QStringLiteral("<p><b>Trained on:</b> %1 .. %2 &nbsp; <b>Data SHA-256:</b> <tt>%3</tt></p>")
             .arg(escaped(v.trainStart), escaped(v.trainEnd), escaped(v.dataSha256.substr(0, 16)));
  out += QStringLiteral("<h4>Metrics</h4>") + table(rows(v.metrics), true);
  out += QStringLiteral("<h4>Parameters</h4>") + table(rows(v.params), false);
  if (!v.backtest.is_null()) out += QStringLiteral("<h4>Backtest</h4>") + table(rows(v.backtest), false);
  const registry::Lineage& l = v.lineage;
  std::vector<std::pair<QString, QString>> lineage;
  if (!v.createdAt.empty()) lineage.emplace_back(QStringLiteral("Pushed at"), format.timestamp(QString::fromStdString(v.createdAt)));
  const std::pair<const char*, const std::string*> text[] = {
      {"Tool version", &l.toolVersion}, {"User", &l.user},         {"Host", &l.host}, {"Command", &l.commandLine},
      {"CI run", &l.ciRunId},           {"Git commit", &l.gitCommit}, {"Artifact SHA-256", &v.sha256}};
  for (const auto& [label, field] : text)
    if (!field->empty()) lineage.emplace_back(QString::fromUtf8(label), QString::fromStdString(*field));
  out += QStringLiteral("<h4>Lineage</h4>") + table(lineage, false);
  return out;
}

}  // namespace foresight::ui
