// The import dialog: what was detected at a source, a preview of its first
// rows, the column mapping of generic files and queries, and how to build
// series (measure, grouping, frequency, aggregation, gaps).
#pragma once

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>

#include "ui/data/PreviewTableModel.h"
#include "ui/session/SeriesSettings.h"

namespace foresight::ui {

class ImportDialog : public QDialog {
  Q_OBJECT
 public:
  ImportDialog(const QString& source, const SeriesSettings& initial, QWidget* parent = nullptr);

  QString source() const { return source_; }
  SeriesSettings settings() const;
  // What detection found ("Adventure Works sales export", "delimited file").
  QString detectedFormat() const { return detected_->text(); }
  // The source is a hierarchy's series file: read one series per node.
  bool isHierarchical() const { return hierarchical_; }
  PreviewTableModel* previewModel() { return &preview_; }

  // The combo boxes, for keyboard-free tests.
  QComboBox* groupBox() const { return groupBy_; }
  QComboBox* frequencyBox() const { return frequency_; }
  QComboBox* aggregationBox() const { return aggregation_; }
  QCheckBox* skipBadRowsBox() const { return skipBadRows_; }

 private:
  void detect();
  void fillColumnChoices();
  QWidget* makeMappingGroup();
  QWidget* makeBuildGroup();
  void applyInitial(const SeriesSettings& initial);

  QString source_;
  bool mappable_ = false;  // generic file or query: the column mapping applies
  bool database_ = false;
  bool hierarchical_ = false;  // a hierarchy's series file (HierarchyFile)
  QLabel* detected_;
  PreviewTableModel preview_;
  QTableView* previewView_;
  QComboBox* dateColumn_;
  QComboBox* valueColumn_;
  QComboBox* seriesColumn_;
  QPlainTextEdit* query_;
  QComboBox* measure_;
  QComboBox* groupBy_;
  QComboBox* frequency_;
  QComboBox* aggregation_;
  QComboBox* fill_;
  QCheckBox* skipBadRows_;
};

}  // namespace foresight::ui
