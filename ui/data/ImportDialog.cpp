#include "ui/data/ImportDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QVBoxLayout>
#include <exception>

#include "engine/data/DataSourceDetector.h"
#include "ui/data/DataImport.h"
#include "ui/hierarchy/HierarchyFile.h"

namespace foresight::ui {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// First entry "(detect)" / "(none)" stands for an empty choice.
QComboBox* choiceBox(const QString& emptyChoice, const QStringList& items, QWidget* parent) {
  auto* box = new QComboBox(parent);
  box->addItem(emptyChoice, QString());
  for (const QString& item : items) box->addItem(item, item);
  return box;
}

QString choice(const QComboBox* box) { return box->currentData().toString(); }

void select(QComboBox* box, const QString& value) {
  const int i = box->findData(value);
  if (i >= 0) box->setCurrentIndex(i);
  else if (box->isEditable() && !value.isEmpty()) box->setEditText(value);
}

}  // namespace

ImportDialog::ImportDialog(const QString& source, const SeriesSettings& initial, QWidget* parent)
    : QDialog(parent), source_(source), detected_(new QLabel(this)), previewView_(new QTableView(this)) {
  setWindowTitle(tr("Import %1").arg(QFileInfo(source).fileName().isEmpty() ? source : QFileInfo(source).fileName()));
  database_ = DataImport::isDatabaseUri(source);
  auto* layout = new QVBoxLayout(this);
  auto* head = new QFormLayout;
  auto* sourceLabel = new QLabel(source, this);
  sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  head->addRow(tr("Source:"), sourceLabel);
  head->addRow(tr("Detected:"), detected_);
  layout->addLayout(head);
  previewView_->setModel(&preview_);
  previewView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  previewView_->setToolTip(tr("The first rows of the file, as read with the detected delimiter"));
  layout->addWidget(previewView_, 1);
  query_ = new QPlainTextEdit(this);
  query_->setPlaceholderText(tr("SELECT order_date, amount FROM sales"));
  query_->setVisible(database_);
  query_->setMaximumHeight(80);
  layout->addWidget(query_);
  detect();
  layout->addWidget(makeMappingGroup());
  layout->addWidget(makeBuildGroup());
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  applyInitial(initial);
  if (hierarchical_) {
    // Every level is in the file: one series in all would sum each sale
    // once per level. The import reads the nodes as they are (DataImport).
    // Its aggregates are the sums in the file, at the file's frequency, so
    // the settings that would build other series do not apply.
    select(groupBy_, QStringLiteral("series"));
    select(aggregation_, QStringLiteral("sum"));
    for (QComboBox* box : {measure_, groupBy_, frequency_, aggregation_, fill_}) {
      box->setEnabled(false);
      box->setToolTip(tr("A hierarchy's file is read as it is: one series per node, at its own frequency"));
    }
  }
  // A series column only splits the data when grouping by it, as `--by series`.
  connect(seriesColumn_, &QComboBox::currentTextChanged, this, [this](const QString& text) {
    if (!text.trimmed().isEmpty() && text != seriesColumn_->itemText(0) && choice(groupBy_).isEmpty())
      select(groupBy_, QStringLiteral("series"));
  });
  resize(820, 640);
}

void ImportDialog::detect() {
  if (database_) {
    detected_->setText(tr("database query (%1)").arg(source_.section(QLatin1Char(':'), 0, 0)));
    mappable_ = true;
    return;
  }
  try {
    const std::vector<DatasetRef> refs = DataSourceDetector::detect(source_.toStdString());
    QStringList kinds;
    QString previewFile;
    bool header = true;
    for (const DatasetRef& r : refs) {
      switch (r.kind) {
        case DatasetKind::AdventureWorks:
          kinds << tr("Adventure Works sales export (%n sales file(s))", nullptr, static_cast<int>(r.awFiles.sales.size()));
          if (previewFile.isEmpty() && !r.awFiles.sales.empty()) previewFile = QString::fromStdString(r.awFiles.sales.front());
          break;
        case DatasetKind::OltpTable:
          kinds << tr("Adventure Works OLTP table %1").arg(QFileInfo(QString::fromStdString(r.path)).fileName());
          if (previewFile.isEmpty()) {
            previewFile = QString::fromStdString(r.path);
            header = false;  // OLTP exports have no header row
          }
          break;
        case DatasetKind::Delimited:
          if (HierarchyFile::isHierarchical(QString::fromStdString(r.path))) {
            hierarchical_ = true;
            kinds << tr("a hierarchy's series file (series,date,value,level): one series per node, shown as a tree");
          } else {
            kinds << tr("delimited file");
          }
          mappable_ = true;
          if (previewFile.isEmpty()) previewFile = QString::fromStdString(r.path);
          break;
      }
    }
    detected_->setText(kinds.join(QStringLiteral("; ")));
    if (!previewFile.isEmpty()) preview_.load(previewFile, header);
  } catch (const std::exception& e) {
    detected_->setText(tr("nothing readable: %1").arg(QString::fromUtf8(e.what())));
  }
}

QWidget* ImportDialog::makeMappingGroup() {
  auto* group = new QGroupBox(tr("Column mapping (generic files and queries)"), this);
  auto* form = new QFormLayout(group);
  const QStringList headers = preview_.headers();
  dateColumn_ = choiceBox(tr("(detect)"), headers, group);
  valueColumn_ = choiceBox(tr("(detect)"), headers, group);
  seriesColumn_ = choiceBox(tr("(none / detect)"), headers, group);
  for (QComboBox* box : {dateColumn_, valueColumn_, seriesColumn_}) box->setEditable(database_);
  form->addRow(tr("&Date column:"), dateColumn_);
  form->addRow(tr("&Value column:"), valueColumn_);
  form->addRow(tr("&Series column:"), seriesColumn_);
  group->setEnabled(mappable_);
  return group;
}

QWidget* ImportDialog::makeBuildGroup() {
  auto* group = new QGroupBox(tr("Build series"), this);
  auto* form = new QFormLayout(group);
  QStringList measures, dims;
  for (Measure m : kAllMeasures) measures << qs(measureName(m));
  for (Dimension d : kAllDimensions) dims << qs(dimensionName(d));
  measure_ = choiceBox(tr("(the data's default)"), measures, group);
  groupBy_ = choiceBox(tr("(one series in all)"), dims, group);
  frequency_ = new QComboBox(group);
  for (Frequency f : {Frequency::Daily, Frequency::Weekly, Frequency::Monthly, Frequency::Quarterly, Frequency::Yearly})
    frequency_->addItem(qs(frequencyCode(f)), qs(frequencyCode(f)));
  aggregation_ = new QComboBox(group);
  for (Aggregation a : {Aggregation::Sum, Aggregation::Mean, Aggregation::Count})
    aggregation_->addItem(qs(aggregationName(a)), qs(aggregationName(a)));
  QStringList gaps;
  for (GapPolicy g : {GapPolicy::Zero, GapPolicy::Interpolate, GapPolicy::None}) gaps << qs(gapPolicyName(g));
  fill_ = choiceBox(tr("(zero for sums and counts, none for means)"), gaps, group);
  measure_->setToolTip(tr("revenue = quantity x price; cost = quantity x cost; orders = distinct orders; "
                          "amount = the table's money or value column"));
  fill_->setToolTip(tr("What a period without any row becomes"));
  form->addRow(tr("&Measure:"), measure_);
  form->addRow(tr("&Group by:"), groupBy_);
  form->addRow(tr("&Frequency:"), frequency_);
  form->addRow(tr("&Aggregation:"), aggregation_);
  form->addRow(tr("&Gaps:"), fill_);
  skipBadRows_ = new QCheckBox(tr("S&kip rows that cannot be read"), group);
  skipBadRows_->setToolTip(tr("Off: a row with a value that is not a number, a bad date, an unknown product... "
                              "stops the import and is named. On: such rows are left out and listed as "
                              "warnings under Findings."));
  form->addRow(QString(), skipBadRows_);
  return group;
}

void ImportDialog::applyInitial(const SeriesSettings& s) {
  if (s.request.measure) select(measure_, qs(measureName(*s.request.measure)));
  if (s.request.groupBy) select(groupBy_, qs(dimensionName(*s.request.groupBy)));
  select(frequency_, qs(frequencyCode(s.request.frequency)));
  select(aggregation_, qs(aggregationName(s.request.aggregation)));
  if (s.request.fill) select(fill_, qs(gapPolicyName(*s.request.fill)));
  select(dateColumn_, QString::fromStdString(s.columns.dateColumn));
  select(valueColumn_, QString::fromStdString(s.columns.valueColumn));
  select(seriesColumn_, QString::fromStdString(s.columns.seriesColumn));
  query_->setPlainText(s.query);
  skipBadRows_->setChecked(s.skipBadRows);
}

SeriesSettings ImportDialog::settings() const {
  SeriesSettings s;
  // Query results have no preview, so their column names are typed.
  auto text = [](const QComboBox* box) {
    if (!box->isEditable()) return choice(box);
    const QString t = box->currentText().trimmed();
    return t == box->itemText(0) ? QString() : t;
  };
  if (!choice(measure_).isEmpty()) s.request.measure = parseMeasure(choice(measure_).toStdString());
  if (!choice(groupBy_).isEmpty()) s.request.groupBy = parseDimension(choice(groupBy_).toStdString());
  s.request.frequency = parseFrequency(choice(frequency_).toStdString()).value_or(Frequency::Daily);
  s.request.aggregation = parseAggregation(choice(aggregation_).toStdString()).value_or(Aggregation::Sum);
  if (!choice(fill_).isEmpty()) s.request.fill = parseGapPolicy(choice(fill_).toStdString());
  if (mappable_) {
    s.columns.dateColumn = text(dateColumn_).toStdString();
    s.columns.valueColumn = text(valueColumn_).toStdString();
    s.columns.seriesColumn = text(seriesColumn_).toStdString();
  }
  if (database_) s.query = query_->toPlainText().trimmed();
  s.skipBadRows = skipBadRows_->isChecked();
  return s;
}

}  // namespace foresight::ui
