#include "ui/hierarchy/HierarchyPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "engine/hierarchy/ReconcileMethod.h"
#include "ui/hierarchy/HierarchyNodeChart.h"
#include "ui/hierarchy/HierarchyTreeModel.h"
#include "ui/hierarchy/ReconcileLeaderboardModel.h"
#include "ui/jobs/JobRunner.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// The methods compared by default: those docs/hierarchies.md's tables show.
const QStringList kDefaultMethods{QStringLiteral("bottom_up"),  QStringLiteral("top_down_fp"),
                                  QStringLiteral("middle_out"), QStringLiteral("ols"),
                                  QStringLiteral("wls_struct"), QStringLiteral("wls_var"),
                                  QStringLiteral("mint_shrink")};

QComboBox* specBox(const QStringList& specs, QWidget* parent) {
  auto* box = new QComboBox(parent);
  box->setEditable(true);  // any spec with parameters, e.g. ets(trend=Ad)
  box->setInsertPolicy(QComboBox::NoInsert);
  box->addItems(specs);
  return box;
}

}  // namespace

HierarchyPage::HierarchyPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      boardModel_(new ReconcileLeaderboardModel(this)),
      nodeModel_(new HierarchyTreeModel(this)) {
  auto* layout = new QVBoxLayout(this);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(buildSettings());
  split->addWidget(buildResults());
  split->setStretchFactor(1, 1);
  split->setSizes({400, 880});
  layout->addWidget(split, 1);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(status_);

  connect(&session_, &WorkbenchSession::dataChanged, this, &HierarchyPage::followData);
  connect(&session_, &WorkbenchSession::seriesChanged, this, &HierarchyPage::followSeries);
  connect(nodes_->selectionModel(), &QItemSelectionModel::currentChanged, this, &HierarchyPage::showSelectedNode);
  // A click on a method's row (or one of its levels) picks it for the forecast.
  connect(board_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
    const QString method = index.data(ReconcileLeaderboardModel::kMethodRole).toString();
    if (parseReconcileMethod(method.toStdString())) setForecastMethod(method);
  });
  connect(backtest_, &QPushButton::clicked, this, [this] { startBacktest(); });
  connect(forecastButton_, &QPushButton::clicked, this, [this] { startForecast(); });
  connect(cancel_, &QPushButton::clicked, this, &HierarchyPage::cancel);
  setRunning(false);
  followData();
}

HierarchyPage::~HierarchyPage() = default;

QWidget* HierarchyPage::buildSettings() {
  auto* side = new QWidget(this);
  auto* layout = new QVBoxLayout(side);
  layout->setContentsMargins(0, 0, 0, 0);

  auto* group = new QGroupBox(tr("Reconciliation"), side);
  auto* form = new QGridLayout(group);
  model_ = specBox({QStringLiteral("ets"), QStringLiteral("theta"), QStringLiteral("snaive"), QStringLiteral("naive"),
                    QStringLiteral("auto_arima"), QStringLiteral("mstl")},
                   group);
  model_->setToolTip(tr("The model fitted to every node (any spec, e.g. ets(trend=Ad))"));
  bottomModel_ = specBox({QString(), QStringLiteral("croston"), QStringLiteral("croston(type=sba)"),
                          QStringLiteral("tsb"), QStringLiteral("adida"), QStringLiteral("imapa")},
                         group);
  bottomModel_->lineEdit()->setPlaceholderText(tr("(the base model)"));
  bottomModel_->setToolTip(tr("The bottom series' model when they need another one: croston or tsb for "
                              "intermittent demand (see the Data page's demand pattern). Empty: the base model."));
  horizon_ = new QSpinBox(group);
  horizon_->setRange(1, 366);
  horizon_->setValue(28);
  horizon_->setToolTip(tr("Periods forecast, and scored on each fold"));
  folds_ = new QSpinBox(group);
  folds_->setRange(1, 50);
  folds_->setValue(5);
  folds_->setToolTip(tr("Rolling origins of the backtest, one horizon apart"));
  middle_ = new QComboBox(group);
  middle_->setToolTip(tr("middle_out keeps this level's base forecasts, sums them up and splits them down"));
  nonNegative_ = new QCheckBox(tr("Non-&negative"), group);
  nonNegative_->setToolTip(tr("Reconciled bottom values below 0 are set to 0 before summing up "
                              "(sales cannot be negative); the result stays coherent"));
  auto* modelLabel = new QLabel(tr("&Base model:"), group);
  modelLabel->setBuddy(model_);
  auto* bottomLabel = new QLabel(tr("Bottom &model:"), group);
  bottomLabel->setBuddy(bottomModel_);
  auto* horizonLabel = new QLabel(tr("&Horizon:"), group);
  horizonLabel->setBuddy(horizon_);
  auto* foldsLabel = new QLabel(tr("&Folds:"), group);
  foldsLabel->setBuddy(folds_);
  auto* middleLabel = new QLabel(tr("M&iddle level:"), group);
  middleLabel->setBuddy(middle_);
  form->addWidget(modelLabel, 0, 0);
  form->addWidget(model_, 0, 1, 1, 3);
  form->addWidget(bottomLabel, 1, 0);
  form->addWidget(bottomModel_, 1, 1, 1, 3);
  form->addWidget(horizonLabel, 2, 0);
  form->addWidget(horizon_, 2, 1);
  form->addWidget(foldsLabel, 2, 2);
  form->addWidget(folds_, 2, 3);
  form->addWidget(middleLabel, 3, 0);
  form->addWidget(middle_, 3, 1);
  form->addWidget(nonNegative_, 3, 2, 1, 2);
  form->setColumnStretch(1, 1);
  form->setColumnStretch(3, 1);

  // Nine methods as a 3 x 3 grid of check boxes: every one visible at once.
  auto* methodsBox = new QGroupBox(tr("Methods to compare"), group);
  auto* grid = new QGridLayout(methodsBox);
  int i = 0;
  for (ReconcileMethod m : allReconcileMethods()) {
    const QString name = qs(reconcileMethodName(m));
    auto* box = new QCheckBox(name, methodsBox);
    box->setChecked(kDefaultMethods.contains(name));
    methodBoxes_[name] = box;
    grid->addWidget(box, i / 3, i % 3);
    ++i;
  }
  methodsBox->setToolTip(tr("bottom_up sums the bottom forecasts; top_down_* split the total (historical or "
                            "forecast proportions); middle_out starts from the middle level; ols, wls_struct, "
                            "wls_var and mint_shrink are MinT (docs/hierarchies.md)"));
  form->addWidget(methodsBox, 4, 0, 1, 4);
  layout->addWidget(group);

  auto* buttons = new QHBoxLayout;
  backtest_ = new QPushButton(tr("&Backtest and forecast"), side);
  backtest_->setToolTip(tr("Score every method at every level on the folds, then forecast with the best"));
  cancel_ = new QPushButton(tr("Cancel"), side);
  progress_ = new QProgressBar(side);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  buttons->addWidget(backtest_);
  buttons->addWidget(cancel_);
  buttons->addWidget(progress_, 1);
  layout->addLayout(buttons);

  layout->addWidget(new QLabel(tr("<b>Leaderboard</b> (mean per node; lower is better)"), side));
  board_ = new QTreeView(side);
  board_->setModel(boardModel_);
  board_->setUniformRowHeights(true);
  board_->setAllColumnsShowFocus(true);
  board_->header()->setStretchLastSection(false);
  board_->header()->setSectionResizeMode(ReconcileLeaderboardModel::NameColumn, QHeaderView::Stretch);
  board_->setToolTip(tr("Each method over all levels; expand it for each level. The best over all levels is "
                        "marked, the lowest MASE of each level is bold. A click picks the method to forecast with."));
  layout->addWidget(board_, 1);

  auto* forecastRow = new QHBoxLayout;
  auto* methodLabel = new QLabel(tr("Forecast &with:"), side);
  forecastMethod_ = new QComboBox(side);
  for (ReconcileMethod m : allReconcileMethods()) forecastMethod_->addItem(qs(reconcileMethodName(m)));
  setForecastMethod(QStringLiteral("mint_shrink"));
  methodLabel->setBuddy(forecastMethod_);
  forecastButton_ = new QPushButton(tr("&Forecast"), side);
  forecastButton_->setToolTip(tr("Fit every node on all its data, forecast and reconcile with this method"));
  forecastRow->addWidget(methodLabel);
  forecastRow->addWidget(forecastMethod_, 1);
  forecastRow->addWidget(forecastButton_);
  layout->addLayout(forecastRow);
  return side;
}

QWidget* HierarchyPage::buildResults() {
  auto* split = new QSplitter(Qt::Vertical, this);
  nodes_ = new QTreeView(split);
  nodes_->setModel(nodeModel_);
  nodes_->setUniformRowHeights(true);
  nodes_->setAllColumnsShowFocus(true);
  nodes_->setToolTip(tr("Select a node to draw it"));
  chart_ = new HierarchyNodeChart(split);
  split->addWidget(nodes_);
  split->addWidget(chart_);
  split->setStretchFactor(1, 1);
  split->setSizes({200, 520});
  return split;
}

void HierarchyPage::setRunning(bool running) {
  const bool ready = hierarchy_ != nullptr && !running;
  backtest_->setEnabled(ready);
  forecastButton_->setEnabled(ready);
  cancel_->setEnabled(running);
  // An idle, empty bar would read as a text field.
  progress_->setVisible(running);
  if (!running) progress_->setValue(0);
}

QString HierarchyPage::statusText() const { return status_->text(); }

void HierarchyPage::setMethods(const QStringList& methods) {
  for (auto& [name, box] : methodBoxes_) box->setChecked(methods.contains(name));
}

QStringList HierarchyPage::methods() const {
  QStringList out;
  for (ReconcileMethod m : allReconcileMethods()) {
    const QString name = qs(reconcileMethodName(m));
    // A method greyed out for this hierarchy is not run, even if ticked before.
    if (methodBoxes_.at(name)->isChecked() && methodBoxes_.at(name)->isEnabled()) out << name;
  }
  return out;
}

QString HierarchyPage::forecastMethod() const { return forecastMethod_->currentText(); }

void HierarchyPage::setForecastMethod(const QString& method) {
  const int i = forecastMethod_->findText(method);
  if (i >= 0) forecastMethod_->setCurrentIndex(i);
}

void HierarchyPage::followData() {
  cancel();
  hierarchy_ = session_.hierarchy();
  forecast_.reset();
  forecastedMethod_.clear();
  backtestSummary_.clear();
  boardModel_->clear();
  nodeModel_->setHierarchy(hierarchy_);
  middle_->clear();
  if (!hierarchy_) {
    chart_->clear(tr("No hierarchy loaded. Open a hierarchy's series file (series,date,value,level) on the Data "
                     "page, e.g. one written by: foresight data series FOLDER --hierarchy territory --out FILE"));
    status_->clear();
    setRunning(isRunning());  // a cancelled job may still be winding down
    return;
  }
  const Hierarchy& h = hierarchy_->hierarchy;
  // middle_out needs a level strictly between the total and the bottom of a
  // nested hierarchy; a grouped structure splits its nodes several ways, so
  // the methods that split down level by level do not apply to it.
  if (!h.isGrouped())
    for (int depth = 1; depth < static_cast<int>(h.levels().size()); ++depth)
      middle_->addItem(QString::fromStdString(h.levelName(depth)), depth);
  middle_->setEnabled(middle_->count() > 0);
  const QString chosen = forecastMethod_->currentText();
  forecastMethod_->clear();
  for (ReconcileMethod m : methodsFor(allReconcileMethods(), h.isGrouped())) {
    const QString name = qs(reconcileMethodName(m));
    if (m != ReconcileMethod::MiddleOut || middle_->count() > 0) forecastMethod_->addItem(name);
  }
  setForecastMethod(forecastMethod_->findText(chosen) >= 0 ? chosen : QStringLiteral("mint_shrink"));
  for (ReconcileMethod m : allReconcileMethods()) {
    QCheckBox* box = methodBoxes_.at(qs(reconcileMethodName(m)));
    const bool nestedOnly = h.isGrouped() && needsNesting(m);
    const bool applies = !nestedOnly && (m != ReconcileMethod::MiddleOut || middle_->count() > 0);
    box->setEnabled(applies);
    if (!applies) box->setChecked(false);
    box->setToolTip(nestedOnly ? tr("Not defined for a grouped structure: its nodes split several ways")
                    : applies  ? QString()
                               : tr("Needs a level between the total and the bottom"));
  }
  bool nonNegative = true;
  for (const TimeSeries& s : hierarchy_->panel.series)
    if (s.values.size() > 0 && s.values.minCoeff() < 0.0) nonNegative = false;
  nonNegative_->setChecked(nonNegative);
  nodes_->expandToDepth(std::min(1, static_cast<int>(h.levels().size()) - 1));
  for (int c = 0; c < HierarchyTreeModel::ColumnCount; ++c) nodes_->resizeColumnToContents(c);
  QStringList levels{QString::fromStdString(h.levelName(0))};
  for (const std::string& l : h.levels()) levels << QString::fromStdString(l);
  status_->setText(tr("%1 nodes (%2), %3 bottom series. Backtest to compare the methods level by level.")
                       .arg(h.size())
                       .arg(levels.join(h.isGrouped() ? QStringLiteral(", ") : QStringLiteral(" \u2192 ")))
                       .arg(h.bottomCount()));
  setRunning(isRunning());  // a cancelled job may still be winding down
  if (!selectNode(session_.currentSeriesName())) selectNode(QString::fromStdString(std::string(Hierarchy::kTotalName)));
}

void HierarchyPage::followSeries() {
  if (hierarchy_ && hierarchy_->hierarchy.find(session_.currentSeriesName().toStdString()) >= 0)
    selectNode(session_.currentSeriesName());
}

bool HierarchyPage::selectNode(const QString& path) {
  const QModelIndex index = nodeModel_->indexOfPath(path);
  if (!index.isValid()) return false;
  nodes_->setCurrentIndex(index);
  nodes_->scrollTo(index);
  showSelectedNode();
  return true;
}

void HierarchyPage::showSelectedNode() {
  if (!hierarchy_) return;
  const int node = nodeModel_->nodeAt(nodes_->currentIndex());
  if (node < 0) return;
  chart_->showNode(*hierarchy_, forecast_.get(), forecastedMethod_, node);
}

}  // namespace foresight::ui
