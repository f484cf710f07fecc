#include "ui/registry/RegistryVersionsModel.h"

#include "ui/format/NumberFormat.h"
#include "ui/registry/VersionDetails.h"

#include <QFont>
#include <QLatin1String>
#include <QLocale>
#include <algorithm>
#include <exception>
#include <utility>

#include "engine/eval/MetricKey.h"

namespace foresight::ui {

RegistryVersionsModel::RegistryVersionsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RegistryVersionsModel::setVersions(std::vector<registry::VersionRecord> versions) {
  beginResetModel();
  versions_ = std::move(versions);
  std::sort(versions_.begin(), versions_.end(), [](const auto& a, const auto& b) { return a.version > b.version; });
  metrics_.clear();
  for (const auto& v : versions_)
    if (v.metrics.is_object())
      for (const auto& [key, value] : v.metrics.items())
        if (value.is_number() && !metrics_.contains(QString::fromStdString(key))) metrics_ << QString::fromStdString(key);
  metrics_.sort();
  endResetModel();
}

const registry::VersionRecord* RegistryVersionsModel::versionAt(int row) const {
  return row >= 0 && row < rowCount() ? &versions_[static_cast<std::size_t>(row)] : nullptr;
}

int RegistryVersionsModel::rowOfVersion(int version) const {
  for (std::size_t i = 0; i < versions_.size(); ++i)
    if (versions_[i].version == version) return static_cast<int>(i);
  return -1;
}

int RegistryVersionsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(versions_.size());
}

int RegistryVersionsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : FixedColumns + static_cast<int>(metrics_.size());
}

QVariant RegistryVersionsModel::data(const QModelIndex& index, int role) const {
  const registry::VersionRecord* v = versionAt(index.isValid() ? index.row() : -1);
  if (!v || index.column() >= columnCount()) return {};
  const bool champion = std::find(v->aliases.begin(), v->aliases.end(), registry::kChampion) != v->aliases.end();
  if (role == Qt::FontRole && champion) {
    QFont f;
    f.setBold(true);
    return f;
  }
  if (role == Qt::ToolTipRole && index.column() >= FixedColumns)
    return metricTooltip(metrics_[index.column() - FixedColumns]);
  if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
  switch (index.column()) {
    case VersionColumn: return v->version;
    case AliasesColumn: {
      QStringList aliases;
      for (const auto& a : v->aliases) aliases << QString::fromStdString(a);
      if (v->archived) aliases << tr("(archived)");
      return aliases.join(QStringLiteral(", "));
    }
    case SpecColumn: return QString::fromStdString(v->spec);
    case TrainedColumn:
      return QStringLiteral("%1 .. %2").arg(QString::fromStdString(v->trainStart), QString::fromStdString(v->trainEnd));
    case CreatedColumn:
      return role == Qt::UserRole ? QVariant(QString::fromStdString(v->createdAt))
                                  : QVariant(NumberFormat().timestamp(QString::fromStdString(v->createdAt)));
    default: {
      const std::string key = metrics_[index.column() - FixedColumns].toStdString();
      if (!v->metrics.is_object() || !v->metrics.contains(key) || !v->metrics[key].is_number()) return {};
      const double x = v->metrics[key].get<double>();
      return role == Qt::UserRole ? QVariant(x) : QVariant(VersionDetails::value(key, v->metrics[key]));
    }
  }
}

QVariant RegistryVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (role == Qt::ToolTipRole && section >= FixedColumns) return metricTooltip(metrics_[section - FixedColumns]);
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case VersionColumn: return tr("Version");
    case AliasesColumn: return tr("Aliases");
    case SpecColumn: return tr("Spec");
    case TrainedColumn: return tr("Training window");
    case CreatedColumn: return tr("Pushed at");
    default: return metrics_[section - FixedColumns];
  }
}

QString RegistryVersionsModel::metricTooltip(const QString& metric) {
  // The fit statistics `foresight fit` records, in words.
  static const std::pair<const char*, const char*> fitStatistics[] = {
      {"aic", "Akaike information criterion of the fit; lower is better among models of the same data"},
      {"aicc", "AIC corrected for small samples; lower is better among models of the same data"},
      {"bic", "Bayesian information criterion; penalises parameters more than AIC; lower is better"},
      {"loglik", "log-likelihood of the fitted model; higher fits the training data better"},
      {"sigma2", "variance of the one-step-ahead residuals in sample"},
      {"nobs", "observations the model was fitted on"},
      {"nparams", "estimated parameters"},
  };
  for (const auto& [name, text] : fitStatistics)
    if (metric == QLatin1String(name)) return QString::fromUtf8(text);
  try {
    // Pushed accuracy metrics are in-sample unless the pusher gave a backtest's.
    return tr("%1, as recorded with this version").arg(QString::fromStdString(MetricKey::parse(metric.toStdString()).label()));
  } catch (const std::exception&) {
    return tr("%1, as recorded with this version").arg(metric);
  }
}

}  // namespace foresight::ui
