#include "ui/models/ParameterForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <algorithm>  // std::clamp
#include <climits>    // INT_MAX

#include "engine/models/ModelConfig.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ModelSpec.h"

namespace foresight::ui {

namespace {

// Spin boxes need finite ranges; unbounded parameters get a wide one.
constexpr double kWideBound = 1e9;

bool isAutomatic(const ParamSpec& p) { return p.defaultValue.is_null(); }

QString tooltipFor(const ParamSpec& p) {
  QString tip = QString::fromStdString(p.description);
  if (p.min || p.max)
    tip += QStringLiteral("\nRange: %1 to %2")
               .arg(p.min ? QString::number(*p.min) : QStringLiteral("-inf"),
                    p.max ? QString::number(*p.max) : QStringLiteral("+inf"));
  tip += isAutomatic(p) ? QStringLiteral("\nDefault: automatic (the model decides)")
                        : QStringLiteral("\nDefault: %1").arg(QString::fromStdString(p.defaultValue.dump()));
  return tip;
}

bool isDefaultText(const ParamSpec& p, const QString& text) {
  const nlohmann::json& d = p.defaultValue;
  if (d.is_null()) return text == ParameterForm::autoText();
  if (d.is_boolean()) return text == (d.get<bool>() ? QStringLiteral("true") : QStringLiteral("false"));
  if (d.is_number()) {
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && v == d.get<double>();
  }
  return d.is_string() && text == QString::fromStdString(d.get<std::string>());
}

}  // namespace

ParameterForm::ParameterForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
  layout_->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

QWidget* ParameterForm::withBrowseButton(QLineEdit* edit) {
  auto* row = new QWidget(this);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  edit->setParent(row);
  auto* browse = new QToolButton(row);
  browse->setText(QStringLiteral("…"));
  browse->setToolTip(tr("Choose the file"));
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  connect(browse, &QToolButton::clicked, this, [this, edit] {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a file"), edit->text());
    if (file.isEmpty()) return;
    edit->setText(file);
    Q_EMIT edited();
  });
  return row;
}

QWidget* ParameterForm::makeEditor(const ParamSpec& p) {
  // A nullable number shows "auto" one step below its minimum (the spin
  // box's special value), so "automatic" needs no separate control.
  switch (p.type) {
    case ParamType::Int: {
      auto* box = new QSpinBox(this);
      const int lo = static_cast<int>(std::clamp(p.min.value_or(-kWideBound), -kWideBound, kWideBound));
      const int hi = static_cast<int>(std::clamp(p.max.value_or(kWideBound), -kWideBound, kWideBound));
      box->setRange(isAutomatic(p) ? lo - 1 : lo, hi);
      if (isAutomatic(p)) box->setSpecialValueText(autoText());
      connect(box, &QSpinBox::valueChanged, this, &ParameterForm::edited);
      return box;
    }
    case ParamType::Double: {
      auto* box = new QDoubleSpinBox(this);
      box->setDecimals(6);
      const double lo = p.min.value_or(-kWideBound), hi = p.max.value_or(kWideBound);
      box->setSingleStep(hi - lo <= 2.0 ? 0.01 : 1.0);
      box->setRange(isAutomatic(p) ? lo - box->singleStep() : lo, hi);
      if (isAutomatic(p)) box->setSpecialValueText(autoText());
      connect(box, &QDoubleSpinBox::valueChanged, this, &ParameterForm::edited);
      return box;
    }
    case ParamType::Bool: {
      auto* box = new QCheckBox(this);
      box->setTristate(isAutomatic(p));  // partially checked = automatic
      connect(box, &QCheckBox::stateChanged, this, &ParameterForm::edited);
      return box;
    }
    case ParamType::Choice: {
      auto* box = new QComboBox(this);
      if (isAutomatic(p)) box->addItem(autoText());
      for (const auto& c : p.choices) box->addItem(QString::fromStdString(c));
      connect(box, &QComboBox::currentIndexChanged, this, &ParameterForm::edited);
      return box;
    }
    case ParamType::ModelList:
    case ParamType::Path: {
      auto* edit = new QLineEdit(this);
      if (isAutomatic(p)) edit->setPlaceholderText(autoText());
      connect(edit, &QLineEdit::textEdited, this, &ParameterForm::edited);
      return edit;
    }
  }
  return new QLabel(this);
}

QString ParameterForm::canonicalSpec(const QString& spec) {
  const ModelSpec parsed = ModelSpec::parse(spec.toStdString());
  const ModelInfo& info = ModelFactory::find(parsed.name);
  return QString::fromStdString(ModelConfig::fromSpec(parsed, info.params).toSpecText(info.name, info.params));
}

void ParameterForm::setModel(const QString& model) {
  const ModelInfo& info = ModelFactory::find(model.toStdString());
  while (layout_->rowCount() > 0) layout_->removeRow(0);
  fields_.clear();
  model_ = model;
  for (const ParamSpec& p : info.params) {
    Field f{p, makeEditor(p)};
    const QString name = QString::fromStdString(p.name);
    f.editor->setObjectName(name);
    f.editor->setToolTip(tooltipFor(p));
    f.editor->setAccessibleName(name);
    auto* label = new QLabel(name, this);
    label->setToolTip(f.editor->toolTip());
    label->setBuddy(f.editor);
    layout_->addRow(label, p.type == ParamType::Path ? withBrowseButton(qobject_cast<QLineEdit*>(f.editor)) : f.editor);
    setFieldValue(f, p.defaultValue);
    fields_.push_back(std::move(f));
  }
  if (fields_.empty()) layout_->addRow(new QLabel(tr("This model has no parameters."), this));
}

void ParameterForm::setSpec(const QString& spec) {
  const ModelSpec parsed = ModelSpec::parse(spec.toStdString());
  const ModelInfo& info = ModelFactory::find(parsed.name);
  const ModelConfig config = ModelConfig::fromSpec(parsed, info.params);  // throws before the form changes
  const QSignalBlocker block(this);
  setModel(QString::fromStdString(parsed.name));
  for (const Field& f : fields_) setFieldValue(f, config.values().value(f.param.name, nlohmann::json()));
}

void ParameterForm::setFieldValue(const Field& f, const nlohmann::json& value) {
  const QSignalBlocker block(f.editor);
  const bool automatic = value.is_null();
  if (auto* spin = qobject_cast<QSpinBox*>(f.editor)) {
    spin->setValue(automatic ? spin->minimum() : value.get<int>());
  } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(f.editor)) {
    dspin->setValue(automatic ? dspin->minimum() : value.get<double>());
  } else if (auto* check = qobject_cast<QCheckBox*>(f.editor)) {
    check->setCheckState(automatic ? Qt::PartiallyChecked : (value.get<bool>() ? Qt::Checked : Qt::Unchecked));
  } else if (auto* combo = qobject_cast<QComboBox*>(f.editor)) {
    combo->setCurrentIndex(
        std::max(0, combo->findText(automatic ? autoText() : QString::fromStdString(value.get<std::string>()))));
  } else if (auto* edit = qobject_cast<QLineEdit*>(f.editor)) {
    edit->setText(automatic ? QString() : QString::fromStdString(value.get<std::string>()));
  }
}

QString ParameterForm::fieldText(const Field& f) const {
  if (const auto* spin = qobject_cast<const QSpinBox*>(f.editor)) {
    if (isAutomatic(f.param) && spin->value() == spin->minimum()) return autoText();
    return QString::number(spin->value());
  }
  if (const auto* dspin = qobject_cast<const QDoubleSpinBox*>(f.editor)) {
    if (isAutomatic(f.param) && dspin->value() == dspin->minimum()) return autoText();
    return QString::number(dspin->value(), 'g', 17);
  }
  if (const auto* check = qobject_cast<const QCheckBox*>(f.editor)) {
    if (check->checkState() == Qt::PartiallyChecked) return autoText();
    return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
  }
  if (const auto* combo = qobject_cast<const QComboBox*>(f.editor)) return combo->currentText();
  if (const auto* edit = qobject_cast<const QLineEdit*>(f.editor)) {
    const QString text = edit->text().trimmed();
    return text.isEmpty() && isAutomatic(f.param) ? autoText() : text;
  }
  return {};
}

QString ParameterForm::spec() const {
  const ModelInfo& info = ModelFactory::find(model_.toStdString());
  ModelSpec spec{info.name, {}};
  for (const Field& f : fields_) {
    const QString text = fieldText(f);
    // Defaults are left out (the engine would drop them anyway, and a choice
    // literally named "auto" would read as "automatic"); an empty list or
    // path means the default too.
    if (text.isEmpty() || isDefaultText(f.param, text)) continue;
    spec.args.emplace_back(f.param.name, text.toStdString());
  }
  const ModelConfig config = ModelConfig::fromSpec(spec, info.params);
  return QString::fromStdString(config.toSpecText(info.name, info.params));
}

QWidget* ParameterForm::editorFor(const QString& param) const {
  for (const Field& f : fields_)
    if (QString::fromStdString(f.param.name) == param) return f.editor;
  return nullptr;
}

}  // namespace foresight::ui
