#include "ui/models/SpecPicker.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QStringListModel>
#include <QVBoxLayout>
#include <algorithm>  // std::min, std::max

#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"
#include "ui/models/ParameterForm.h"
#include "ui/models/RecommendedCandidates.h"

namespace foresight::ui {

SpecPicker::SpecPicker(QWidget* parent)
    : QWidget(parent),
      models_(new QComboBox(this)),
      description_(new QLabel(this)),
      scroll_(new QScrollArea(this)),
      form_(new ParameterForm),
      preview_(new QLabel(this)),
      add_(new QPushButton(tr("&Add model"), this)),
      remove_(new QPushButton(tr("Re&move"), this)),
      list_(new QListView(this)),
      specs_(new QStringListModel(this)) {
  for (const ModelInfo& m : ModelFactory::models()) {
    models_->addItem(QString::fromStdString(m.name));
    models_->setItemData(models_->count() - 1, QString::fromStdString(m.summary), Qt::ToolTipRole);
  }
  models_->setToolTip(tr("The model to configure; hover an entry for what it does."));
  description_->setWordWrap(true);
  description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  scroll_->setWidget(form_);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  preview_->setWordWrap(true);
  preview_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  list_->setModel(specs_);
  list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  list_->setToolTip(tr("Models to backtest. Double-click one to load it into the form."));
  add_->setToolTip(tr("Add the spec above to the models to backtest"));

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  auto* layout = new QVBoxLayout(this);
  auto* modelLabel = new QLabel(tr("M&odel"), this);
  modelLabel->setBuddy(models_);
  layout->addWidget(modelLabel);
  layout->addWidget(models_);
  layout->addWidget(description_);
  // The form takes the room there is (it scrolls beyond), the list the rest.
  layout->addWidget(scroll_, 2);
  layout->addWidget(preview_);
  layout->addLayout(buttons);
  layout->addWidget(list_, 1);

  connect(models_, &QComboBox::currentTextChanged, this, &SpecPicker::showModel);
  connect(form_, &ParameterForm::edited, this, &SpecPicker::updatePreview);
  connect(add_, &QPushButton::clicked, this, &SpecPicker::addCurrent);
  // Delete removes the selected spec when the list has the focus.
  auto* removeAction = new QAction(tr("Remove model"), list_);
  removeAction->setShortcut(QKeySequence::Delete);
  removeAction->setShortcutContext(Qt::WidgetShortcut);
  list_->addAction(removeAction);
  connect(removeAction, &QAction::triggered, remove_, &QPushButton::click);
  connect(remove_, &QPushButton::clicked, this, [this] {
    const QModelIndex i = list_->currentIndex();
    if (i.isValid()) {
      specs_->removeRows(i.row(), 1);
      Q_EMIT specsChanged();
    }
  });
  connect(list_, &QListView::doubleClicked, this, [this](const QModelIndex& i) {
    const QString spec = specs_->data(i).toString();
    form_->setSpec(spec);  // the list holds only validated specs
    models_->blockSignals(true);
    models_->setCurrentText(form_->model());
    models_->blockSignals(false);
    showModel(form_->model());
  });
  // Not the alphabetically first model (arima with every order 0): one
  // that fits most data as it comes.
  const int first = models_->findText(RecommendedCandidates::firstModel());
  models_->setCurrentIndex(std::max(0, first));
  if (models_->count() > 0) showModel(models_->currentText());
}

void SpecPicker::setCurrentModel(const QString& model) {
  ModelFactory::find(model.toStdString());  // InputError listing the known names
  models_->setCurrentText(model);
}

QString SpecPicker::currentModel() const { return form_->model(); }
QString SpecPicker::descriptionText() const { return description_->text(); }

void SpecPicker::showModel(const QString& name) {
  // The form is rebuilt only for another model: a double-clicked spec has
  // filled it already.
  if (form_->model() != name) form_->setModel(name);
  const ModelInfo& info = ModelFactory::find(name.toStdString());
  description_->setText(QStringLiteral("<b>%1</b>: %2").arg(name.toHtmlEscaped(),
                                                            QString::fromStdString(info.summary).toHtmlEscaped()));
  // At least a few fields show however small the window (the form scrolls
  // beyond); a larger minimum would make the whole window taller than a
  // 700-pixel screen.
  form_->adjustSize();
  const int wanted = form_->sizeHint().height() + 2 * scroll_->frameWidth();
  scroll_->setMinimumHeight(std::min(wanted, 6 * fontMetrics().height()));
  updatePreview();
}

void SpecPicker::updatePreview() {
  try {
    preview_->setText(tr("Spec: %1").arg(form_->spec()));
    preview_->setStyleSheet({});
    add_->setEnabled(true);
  } catch (const InputError& e) {
    preview_->setText(QString::fromStdString(e.what()));
    preview_->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    add_->setEnabled(false);
  }
}

bool SpecPicker::addCurrent() {
  try {
    const QString spec = form_->spec();
    QStringList list = specs_->stringList();
    if (!list.contains(spec)) {
      list << spec;
      specs_->setStringList(list);
      Q_EMIT specsChanged();
    }
    return true;
  } catch (const InputError& e) {
    preview_->setText(QString::fromStdString(e.what()));
    return false;
  }
}

QStringList SpecPicker::specs() const { return specs_->stringList(); }

void SpecPicker::setSpecs(const QStringList& specs) {
  QStringList canonical;
  for (const QString& s : specs) canonical << ParameterForm::canonicalSpec(s);
  specs_->setStringList(canonical);
  Q_EMIT specsChanged();
}

}  // namespace foresight::ui
