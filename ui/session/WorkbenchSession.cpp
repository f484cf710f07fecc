#include "ui/session/WorkbenchSession.h"

#include <utility>

#include "ui/session/SelectSeriesCommand.h"
#include "ui/session/SessionEditCommand.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::ui {

const TimeSeries WorkbenchSession::kEmptySeries{};

WorkbenchSession::WorkbenchSession(WorkbenchSettings& settings, QObject* parent)
    : QObject(parent), settings_(settings), registryUri_(settings.registryUri()) {}

WorkbenchSession::~WorkbenchSession() = default;

const TimeSeries& WorkbenchSession::currentSeries() const {
  if (currentIndex_ < 0 || currentIndex_ >= static_cast<int>(panel_.series.size())) return kEmptySeries;
  return panel_.series[static_cast<std::size_t>(currentIndex_)];
}

QString WorkbenchSession::currentSeriesName() const {
  return QString::fromStdString(currentSeries().name);
}

QStringList WorkbenchSession::seriesNames() const {
  QStringList out;
  for (const TimeSeries& s : panel_.series) out << QString::fromStdString(s.name);
  return out;
}

void WorkbenchSession::loadData(std::shared_ptr<const LoadedData> data, const QString& sourcePath,
                                const SeriesSettings& settings, Panel panel,
                                std::shared_ptr<const HierarchicalPanel> hierarchy) {
  undoStack_.clear();
  data_ = std::move(data);
  hierarchy_ = std::move(hierarchy);
  sourcePath_ = sourcePath;
  sourceDescription_ = data_ ? QString::fromStdString(data_->description) : QString();
  seriesSettings_ = settings;
  panel_ = std::move(panel);
  builtNames_ = seriesNames();
  currentIndex_ = panel_.series.empty() ? -1 : 0;
  Q_EMIT dataChanged();
  Q_EMIT panelChanged();
  Q_EMIT seriesChanged();
}

void WorkbenchSession::rebuildPanel(const SeriesSettings& settings, Panel panel) {
  Snapshot after;
  after.panel = std::move(panel);
  after.settings = settings;
  for (const TimeSeries& s : after.panel.series) after.builtNames << QString::fromStdString(s.name);
  // Keep the same series selected when the new panel still has it.
  after.currentIndex = after.panel.series.empty() ? -1 : 0;
  const std::string name = currentSeries().name;
  for (std::size_t i = 0; i < after.panel.series.size(); ++i)
    if (after.panel.series[i].name == name) after.currentIndex = static_cast<int>(i);
  undoStack_.push(new SessionEditCommand(*this, QStringLiteral("Build series (%1)").arg(settings.describe()),
                                         snapshot(), std::move(after)));
}

bool WorkbenchSession::selectSeries(const QString& name) {
  const QStringList names = seriesNames();
  const int index = static_cast<int>(names.indexOf(name));
  if (index < 0) return false;
  if (index == currentIndex_) return true;
  undoStack_.push(new SelectSeriesCommand(*this, currentIndex_, index, name));
  return true;
}

bool WorkbenchSession::removeSeries(const QString& name) {
  const int index = static_cast<int>(seriesNames().indexOf(name));
  if (index < 0) return false;
  Snapshot after = snapshot();
  after.panel.series.erase(after.panel.series.begin() + index);
  after.builtNames.removeAt(index);
  if (after.currentIndex >= static_cast<int>(after.panel.series.size()))
    after.currentIndex = static_cast<int>(after.panel.series.size()) - 1;
  else if (after.currentIndex > index)
    --after.currentIndex;
  undoStack_.push(new SessionEditCommand(*this, QStringLiteral("Remove series %1").arg(name), snapshot(),
                                         std::move(after)));
  return true;
}

bool WorkbenchSession::renameSeries(const QString& from, const QString& to) {
  const QStringList names = seriesNames();
  const int index = static_cast<int>(names.indexOf(from));
  if (index < 0 || to.trimmed().isEmpty() || names.contains(to)) return false;
  Snapshot after = snapshot();
  after.panel.series[static_cast<std::size_t>(index)].name = to.toStdString();
  undoStack_.push(new SessionEditCommand(*this, QStringLiteral("Rename series %1 to %2").arg(from, to),
                                         snapshot(), std::move(after)));
  return true;
}

void WorkbenchSession::setRegistryUri(const QString& uri) {
  if (uri == registryUri_) return;
  registryUri_ = uri;
  Q_EMIT registryUriChanged(uri);
}

void WorkbenchSession::setCandidateSpecs(const QStringList& specs) {
  if (specs == candidateSpecs_) return;
  candidateSpecs_ = specs;
  Q_EMIT candidatesChanged();
}

void WorkbenchSession::setBacktestSettings(const QJsonObject& settings) {
  if (settings == backtestSettings_) return;
  backtestSettings_ = settings;
  Q_EMIT backtestSettingsChanged();
}

void WorkbenchSession::notifyRegistryChanged() { Q_EMIT registryChanged(); }

void WorkbenchSession::setModel(const QString& reference, std::string artifact) {
  modelReference_ = reference;
  modelArtifact_ = std::move(artifact);
  Q_EMIT modelChanged();
}

QStringList WorkbenchSession::applyLayout(const QList<QPair<QString, QString>>& builtToName) {
  Panel panel;
  QStringList built, missing;
  for (const auto& [from, to] : builtToName) {
    const int index = static_cast<int>(builtNames_.indexOf(from));
    if (index < 0) {
      missing << from;
      continue;
    }
    TimeSeries s = panel_.series[static_cast<std::size_t>(index)];
    s.name = to.toStdString();
    panel.series.push_back(std::move(s));
    built << from;
  }
  panel_ = std::move(panel);
  builtNames_ = built;
  currentIndex_ = panel_.series.empty() ? -1 : 0;
  Q_EMIT panelChanged();
  Q_EMIT seriesChanged();
  return missing;
}

void WorkbenchSession::clear() {
  loadData(nullptr, QString(), SeriesSettings{}, Panel{});
}

WorkbenchSession::Snapshot WorkbenchSession::snapshot() const {
  return Snapshot{panel_, currentIndex_, seriesSettings_, builtNames_};
}

void WorkbenchSession::restore(const Snapshot& s) {
  panel_ = s.panel;
  currentIndex_ = s.currentIndex;
  seriesSettings_ = s.settings;
  builtNames_ = s.builtNames;
  Q_EMIT panelChanged();
  Q_EMIT seriesChanged();
}

void WorkbenchSession::applySelection(int index) {
  if (index >= static_cast<int>(panel_.series.size())) index = -1;
  currentIndex_ = index;
  Q_EMIT seriesChanged();
}

}  // namespace foresight::ui
