// The workbench's document: the loaded data and panel, the selected series,
// where they came from, the registry in use, and the undo stack of edits.
// Pages observe it through signals and never own the data themselves.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <memory>

#include "engine/common/TimeSeries.h"
#include "engine/data/LoadedData.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "ui/session/SeriesSettings.h"

namespace foresight::ui {

class WorkbenchSettings;

class WorkbenchSession : public QObject {
  Q_OBJECT
 public:
  // `settings` must outlive the session; the registry URI starts from it.
  explicit WorkbenchSession(WorkbenchSettings& settings, QObject* parent = nullptr);
  ~WorkbenchSession() override;

  // --- what the pages read -------------------------------------------------
  const Panel& panel() const { return panel_; }
  bool hasSeries() const { return currentIndex_ >= 0; }
  // The selected series; an empty TimeSeries when nothing is loaded.
  const TimeSeries& currentSeries() const;
  QString currentSeriesName() const;
  QStringList seriesNames() const;
  // The loaded dataset (rows, findings); null before anything is loaded.
  std::shared_ptr<const LoadedData> data() const { return data_; }
  // The hierarchy read from a hierarchical series CSV (series,date,value,
  // level), its nodes in node order; null when the data is not one. It is
  // the file's, so edits of the panel (removals, renames, rebuilds) leave it
  // as read.
  std::shared_ptr<const HierarchicalPanel> hierarchy() const { return hierarchy_; }
  // Source path or URI as the user named it, and what was found there.
  QString sourcePath() const { return sourcePath_; }
  QString sourceDescription() const { return sourceDescription_; }
  // How the panel was built from the data (measure, grouping, frequency, fill).
  const SeriesSettings& seriesSettings() const { return seriesSettings_; }
  QString registryUri() const { return registryUri_; }
  // A registered version loaded into the session (Registry page), e.g.
  // "revenue/3", with its verified artifact bytes; empty when none.
  QString modelReference() const { return modelReference_; }
  const std::string& modelArtifact() const { return modelArtifact_; }
  WorkbenchSettings& settings() const { return settings_; }
  QUndoStack* undoStack() { return &undoStack_; }
  // The Models page's candidate specs and backtest settings (horizon,
  // folds, step, window, levels, ranking metric as BacktestSettingsWidget
  // writes them): part of the document, so the workspace keeps them.
  QStringList candidateSpecs() const { return candidateSpecs_; }
  QJsonObject backtestSettings() const { return backtestSettings_; }

  // --- edits -----------------------------------------------------------------
  // Replaces data and panel at once (after an import). Not undoable: the
  // undo stack is cleared because earlier edits referred to the old panel.
  void loadData(std::shared_ptr<const LoadedData> data, const QString& sourcePath,
                const SeriesSettings& settings, Panel panel,
                std::shared_ptr<const HierarchicalPanel> hierarchy = nullptr);
  // Undoable: a new panel built from the same data with other settings.
  void rebuildPanel(const SeriesSettings& settings, Panel panel);
  // Undoable edits of the document; false when the name is unknown/taken.
  bool selectSeries(const QString& name);
  bool removeSeries(const QString& name);
  bool renameSeries(const QString& from, const QString& to);
  void setRegistryUri(const QString& uri);
  // Tells every page that the registry's content changed (a promotion,
  // rollback or alias change here, or another process's change noticed by
  // the RegistryWatcher): they re-read what they show.
  void notifyRegistryChanged();
  void setModel(const QString& reference, std::string artifact);
  void setCandidateSpecs(const QStringList& specs);
  void setBacktestSettings(const QJsonObject& settings);
  // The name each series had when the panel was built (before renames).
  QStringList builtNames() const { return builtNames_; }
  // Reapplies saved removals and renames (workspace reopening, not undoable):
  // keeps, in this order, the series built as `first`, named `second`.
  // Returns the built names that were not found.
  QStringList applyLayout(const QList<QPair<QString, QString>>& builtToName);
  // Forgets everything loaded (File > Close, tests).
  void clear();

  // --- used by the undo commands (state swaps without pushing) ------------
  struct Snapshot {
    Panel panel;
    int currentIndex = -1;
    SeriesSettings settings;
    QStringList builtNames;
  };
  Snapshot snapshot() const;
  void restore(const Snapshot& s);
  void applySelection(int index);

 Q_SIGNALS:
  // The panel was replaced or edited (series added, removed, renamed).
  void panelChanged();
  // The selected series changed (including when the panel was replaced).
  void seriesChanged();
  // A new dataset was loaded (findings, source description, hierarchy changed).
  void dataChanged();
  void registryUriChanged(const QString& uri);
  // The registry's content changed (see notifyRegistryChanged).
  void registryChanged();
  void modelChanged();
  void candidatesChanged();
  void backtestSettingsChanged();

 private:
  WorkbenchSettings& settings_;
  std::shared_ptr<const LoadedData> data_;
  std::shared_ptr<const HierarchicalPanel> hierarchy_;
  QString sourcePath_;
  QString sourceDescription_;
  SeriesSettings seriesSettings_;
  Panel panel_;
  int currentIndex_ = -1;
  QStringList builtNames_;
  QString registryUri_;
  QString modelReference_;
  std::string modelArtifact_;
  QStringList candidateSpecs_;
  QJsonObject backtestSettings_;
  QUndoStack undoStack_;
  static const TimeSeries kEmptySeries;
};

}  // namespace foresight::ui
