// Picks the model specs to backtest: a model from the factory's list with
// its description, its generated parameter form (as tall as its fields, up
// to a limit), and the list of specs chosen so far.
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QScrollArea;
class QStringListModel;

namespace foresight::ui {

class ParameterForm;

class SpecPicker : public QWidget {
  Q_OBJECT
 public:
  explicit SpecPicker(QWidget* parent = nullptr);

  QStringList specs() const;
  // Replaces the chosen specs; every one is checked by the engine first
  // (InputError naming the spec and parameter) and written canonically.
  void setSpecs(const QStringList& specs);
  // Adds the form's current spec; false (and the reason shown) when invalid.
  bool addCurrent();
  ParameterForm* form() const { return form_; }
  // Shows `model`'s form and description (InputError for an unknown one).
  void setCurrentModel(const QString& model);
  QString currentModel() const;
  // The shown model's description, from its declaration.
  QString descriptionText() const;
  QScrollArea* formArea() const { return scroll_; }
  QStringListModel* specModel() const { return specs_; }
  QListView* specList() const { return list_; }

 Q_SIGNALS:
  void specsChanged();

 private:
  void updatePreview();
  void showModel(const QString& name);

  QComboBox* models_;
  QLabel* description_;
  QScrollArea* scroll_;
  ParameterForm* form_;
  QLabel* preview_;
  QPushButton* add_;
  QPushButton* remove_;
  QListView* list_;
  QStringListModel* specs_;
};

}  // namespace foresight::ui
