#include "ui/data/DataPage.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <exception>
#include <memory>

#include "ui/data/DataImport.h"
#include "ui/data/ImportDialog.h"
#include "ui/data/SeriesSummary.h"
#include "ui/jobs/JobRunner.h"
#include "ui/session/WorkbenchSession.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::ui {

DataPage::DataPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      seriesModel_(session),
      seriesView_(new QListView(this)),
      hierarchyView_(new QTreeView(this)),
      chart_(new TimeSeriesChartView(this)),
      findingsView_(new QTableView(this)),
      findingDetail_(new QLabel(this)),
      sourceLabel_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  sourceLabel_->setWordWrap(true);
  sourceLabel_->setText(tr("No data loaded. Use File > Open folder, Open file, Open database or Open sample."));
  layout->addWidget(sourceLabel_);

  auto* vertical = new QSplitter(Qt::Vertical, this);
  vertical_ = vertical;
  auto* horizontal = new QSplitter(Qt::Horizontal, vertical);
  horizontal_ = horizontal;
  horizontal->addWidget(makeSidePanel());
  horizontal->addWidget(chart_);
  horizontal->setStretchFactor(1, 1);
  horizontal->setSizes({260, 900});

  auto* bottom = new QWidget(vertical);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 0, 0, 0);
  bottomLayout->addWidget(new QLabel(tr("<b>Validation findings</b> (click one to see where)"), bottom));
  findingsView_->setModel(&findings_);
  findingsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  findingsView_->setSelectionMode(QAbstractItemView::SingleSelection);
  findingsView_->horizontalHeader()->setStretchLastSection(true);
  findingsView_->verticalHeader()->setVisible(false);
  findingsView_->setWordWrap(false);
  bottomLayout->addWidget(findingsView_);
  findingDetail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  findingDetail_->setWordWrap(true);
  bottomLayout->addWidget(findingDetail_);
  vertical->addWidget(horizontal);
  vertical->addWidget(bottom);
  vertical->setStretchFactor(0, 3);
  vertical->setStretchFactor(1, 1);
  layout->addWidget(vertical, 1);

  connect(findingsView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showFinding(current); });
  connect(findingsView_, &QTableView::clicked, this, &DataPage::showFinding);
  connect(seriesView_, &QListView::activated, this,
          [this](const QModelIndex& index) { session_.selectSeries(index.data().toString()); });
  connect(seriesView_, &QListView::clicked, this,
          [this](const QModelIndex& index) { session_.selectSeries(index.data().toString()); });
  const auto selectNode = [this](const QModelIndex& index) {
    if (index.isValid()) session_.selectSeries(index.data(HierarchyTreeModel::kPathRole).toString());
  };
  connect(hierarchyView_, &QTreeView::activated, this, selectNode);
  connect(hierarchyView_, &QTreeView::clicked, this, selectNode);
  connect(hierarchyView_->selectionModel(), &QItemSelectionModel::currentChanged, this, selectNode);
  connect(&session_, &WorkbenchSession::dataChanged, this, &DataPage::showHierarchy);
  connect(&session_, &WorkbenchSession::seriesChanged, this, &DataPage::showSeries);
  connect(&session_, &WorkbenchSession::dataChanged, this, &DataPage::showFindings);
}

void DataPage::showHierarchy() {
  const auto hierarchy = session_.hierarchy();
  hierarchyModel_.setHierarchy(hierarchy);
  if (!hierarchy) {
    if (showsHierarchy()) {
      // Back from a hierarchy: the list and the findings' usual 3:1 split.
      const int height = std::max(1, vertical_->height());
      vertical_->setSizes({3 * height / 4, height / 4});
      horizontal_->setSizes({260, std::max(1, horizontal_->width() - 260)});
    }
    seriesStack_->setCurrentWidget(seriesView_);
    seriesLabel_->setText(tr("<b>Series</b>"));
    return;
  }
  seriesStack_->setCurrentWidget(hierarchyView_);
  seriesLabel_->setText(tr("<b>Hierarchy</b> (%1 nodes; select one to show it)").arg(hierarchy->hierarchy.size()));
  // Open down to the level above the bottom: the bottom can hold hundreds of
  // products. A crossed grouping opens its first level only: every node
  // there also lists its crossed children.
  const Hierarchy& h = hierarchy->hierarchy;
  hierarchyView_->expandToDepth(h.isGrouped() ? 0 : std::max(0, static_cast<int>(h.levels().size()) - 2));
  for (int c = 0; c < HierarchyTreeModel::ColumnCount; ++c) hierarchyView_->resizeColumnToContents(c);
  // The tree's columns need more room than a list of names.
  const int total = horizontal_->width() > 0 ? horizontal_->width() : 1160;
  const int side = std::min(total / 2, std::max(420, horizontal_->sizes().value(0)));
  horizontal_->setSizes({side, std::max(1, total - side)});
  // A hierarchy's file has a few findings at most; the tree needs the rows.
  const int height = vertical_->height() > 0 ? vertical_->height() : 640;
  const int findings = std::max(110, height / 6);
  vertical_->setSizes({height - findings, findings});
}

QWidget* DataPage::makeSidePanel() {
  auto* side = new QWidget(this);
  auto* layout = new QVBoxLayout(side);
  layout->setContentsMargins(0, 0, 0, 0);
  seriesLabel_ = new QLabel(tr("<b>Series</b>"), side);
  layout->addWidget(seriesLabel_);
  seriesView_->setModel(&seriesModel_);
  seriesView_->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  seriesView_->setToolTip(tr("Click a series to show it; F2 renames it (undoable)"));
  hierarchyView_->setModel(&hierarchyModel_);
  hierarchyView_->setUniformRowHeights(true);
  // The Summary below gives the selected node's mean; the tree keeps its
  // total and demand pattern so it fits beside the chart on a small screen.
  hierarchyView_->setColumnHidden(HierarchyTreeModel::MeanColumn, true);
  hierarchyView_->setAllColumnsShowFocus(true);
  hierarchyView_->setToolTip(tr("The hierarchy's nodes, each the sum of the nodes under it: click one to show "
                                "its series (the Hierarchy page reconciles them)"));
  seriesStack_ = new QStackedWidget(side);
  seriesStack_->addWidget(seriesView_);
  seriesStack_->addWidget(hierarchyView_);
  layout->addWidget(seriesStack_, 1);
  auto* build = new QPushButton(tr("&Build settings..."), side);
  build->setToolTip(tr("Rebuild the series with another measure, grouping, frequency or gap policy"));
  connect(build, &QPushButton::clicked, this, &DataPage::editBuildSettings);
  auto* remove = new QPushButton(tr("&Remove series"), side);
  remove->setToolTip(tr("Remove the selected series from the panel (undoable)"));
  connect(remove, &QPushButton::clicked, this, &DataPage::removeSelectedSeries);
  layout->addWidget(build);
  layout->addWidget(remove);
  layout->addWidget(new QLabel(tr("<b>Summary</b>"), side));
  stats_ = new QFormLayout;
  layout->addLayout(stats_);
  return side;
}

void DataPage::openSource(const QString& source) {
  ImportDialog dialog(source, session_.seriesSettings(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  loadSource(source, dialog.settings());
}

void DataPage::loadSource(const QString& source, const SeriesSettings& settings) {
  auto result = std::make_shared<ImportResult>();
  jobs_.run(
      tr("Loading %1").arg(source),
      [source, settings, result](const ProgressSink& progress, const CancellationToken& cancel) {
        *result = DataImport::run(source, settings, progress, cancel);
      },
      [this, source, result](const JobOutcome& outcome) {
        if (!outcome.succeeded()) {
          Q_EMIT loadFinished(false, source, outcome.message);
          return;
        }
        session_.loadData(result->data, source, result->settings, std::move(result->panel), result->hierarchy);
        session_.settings().addRecentFile(source);
        Q_EMIT loadFinished(true, source, QString());
      },
      this);
}

void DataPage::openSample() {
  try {
    loadSource(DataImport::writeSample(), DataImport::sampleSettings());
  } catch (const std::exception& e) {
    Q_EMIT loadFinished(false, tr("sample"), QString::fromUtf8(e.what()));
  }
}

void DataPage::editBuildSettings() {
  const auto loaded = session_.data();
  if (!loaded) return;
  ImportDialog dialog(session_.sourcePath(), session_.seriesSettings(), this);
  dialog.setWindowTitle(tr("Build series"));
  if (dialog.exec() != QDialog::Accepted) return;
  try {
    session_.rebuildPanel(dialog.settings(), DataImport::rebuild(*loaded, dialog.settings()));
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Build series"), QString::fromUtf8(e.what()));
  }
}

void DataPage::removeSelectedSeries() {
  const QModelIndex index = showsHierarchy() ? QModelIndex() : seriesView_->currentIndex();
  session_.removeSeries(index.isValid() ? index.data().toString() : session_.currentSeriesName());
}

void DataPage::showSeries() {
  chart_->clearLines();
  const TimeSeries& s = session_.currentSeries();
  const QString name = QString::fromStdString(s.name);
  chart_->setTitle(name);
  if (!s.empty()) chart_->addLine(name, s, palette().color(QPalette::Highlight));
  chart_->chart()->legend()->setVisible(false);
  const int row = static_cast<int>(session_.seriesNames().indexOf(name));
  if (row >= 0) seriesView_->setCurrentIndex(seriesModel_.index(row));
  const QModelIndex node = hierarchyModel_.indexOfPath(name);
  if (node.isValid() && hierarchyView_->currentIndex() != node) {
    hierarchyView_->setCurrentIndex(node);
    hierarchyView_->scrollTo(node);
  }
  while (stats_->rowCount() > 0) stats_->removeRow(0);
  for (const auto& [label, value] : SeriesSummary::of(s).rows()) {
    auto* v = new QLabel(value);
    v->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stats_->addRow(label + QLatin1Char(':'), v);
  }
}

void DataPage::showFindings() {
  const auto loaded = session_.data();
  findings_.setFindings(loaded ? loaded->findings : FindingLog{});
  findingsView_->resizeColumnsToContents();
  findingDetail_->clear();
  if (!loaded) {
    sourceLabel_->setText(tr("No data loaded."));
    return;
  }
  sourceLabel_->setText(tr("<b>%1</b> — %2; %3 rows read, %4 rejected; series: %5")
                            .arg(session_.sourcePath().toHtmlEscaped(), session_.sourceDescription().toHtmlEscaped())
                            .arg(loaded->rowsRead)
                            .arg(loaded->rowsRejected)
                            .arg(session_.seriesSettings().describe().toHtmlEscaped()));
}

void DataPage::showFinding(const QModelIndex& index) {
  if (!index.isValid()) return;
  const QString where = findings_.whereAt(index.row());
  const auto date = findings_.dateAt(index.row());
  QString text = findings_.data(findings_.index(index.row(), FindingsTableModel::MessageColumn)).toString();
  if (!where.isEmpty()) text += QStringLiteral("\n") + tr("Row: %1").arg(where);
  if (date) text += QStringLiteral("\n") + tr("Date: %1 (marked on the chart)").arg(QString::fromStdString(date->toIso()));
  findingDetail_->setText(text);
  chart_->markDate(date);
}

}  // namespace foresight::ui
