// A model's parameter form, generated from the parameters the model declares
// (ParamSpec: type, default, bounds, choices; descriptions as tooltips). It
// reads and writes spec text; validation is the engine's (ModelConfig).
#pragma once

#include <QString>
#include <QWidget>
#include <vector>

#include "engine/models/ParamSpec.h"

class QFormLayout;
class QLineEdit;

namespace foresight::ui {

class ParameterForm : public QWidget {
  Q_OBJECT
 public:
  // The text an editor shows for "the model decides" (a null default).
  static QString autoText() { return QStringLiteral("auto"); }

  explicit ParameterForm(QWidget* parent = nullptr);

  // The engine's canonical text of a spec (defaults left out); InputError
  // naming the spec and parameter when it is invalid.
  static QString canonicalSpec(const QString& spec);

  // Rebuilds the fields for a factory model, every one at its default.
  // InputError (listing the known names) when the model is unknown.
  void setModel(const QString& model);
  QString model() const { return model_; }
  // Switches to the spec's model and fills the fields from it. InputError
  // with the engine's message (naming the parameter) when the spec is invalid;
  // the form is left as it was.
  void setSpec(const QString& spec);
  // The fields as canonical spec text (defaults left out), e.g.
  // "ets(trend=Ad)". InputError naming the parameter when a field is invalid.
  QString spec() const;
  // Number of generated fields (tests, layout).
  int fieldCount() const { return static_cast<int>(fields_.size()); }
  // The editor of a parameter, nullptr when the model has none of that name.
  QWidget* editorFor(const QString& param) const;

 Q_SIGNALS:
  // Any field was edited (not emitted by setModel/setSpec).
  void edited();

 private:
  struct Field {
    ParamSpec param;
    QWidget* editor = nullptr;
  };
  QWidget* makeEditor(const ParamSpec& p);
  // A path's line edit with a "…" button that opens a file dialog.
  QWidget* withBrowseButton(QLineEdit* edit);
  // Spec text of the field's value; "auto" for automatic.
  QString fieldText(const Field& f) const;
  void setFieldValue(const Field& f, const nlohmann::json& value);

  QString model_;
  QFormLayout* layout_ = nullptr;
  std::vector<Field> fields_;
};

}  // namespace foresight::ui
