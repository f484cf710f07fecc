// Connects the workbench to a PostgreSQL registry: host, port, database,
// user, optional password and schema, and a "Test connection" button that
// opens the database in the background and says what it found there.
#pragma once

#include <QDialog>
#include <QPointer>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace foresight::ui {

class Job;
class JobRunner;

class PostgresDialog : public QDialog {
  Q_OBJECT
 public:
  PostgresDialog(JobRunner& jobs, QWidget* parent = nullptr);
  ~PostgresDialog() override;

  // The registry URI the fields describe (user and password
  // percent-encoded); InputError naming the field when one is missing.
  QString uri() const;
  // Fills the fields from a postgresql:// URI (the current registry).
  void setUri(const QString& uri);

  // Starts the connection test; testFinished() with its outcome in words.
  void testConnection();
  QString testResult() const;
  QLineEdit* hostEdit() const { return host_; }
  QLineEdit* databaseEdit() const { return database_; }
  QLineEdit* userEdit() const { return user_; }
  QLineEdit* schemaEdit() const { return schema_; }

  // Opens the registry at `uri` (its schema is left alone) and describes it;
  // throws what the registry throws when it cannot be reached.
  static std::string probe(const std::string& uri);

 Q_SIGNALS:
  void testFinished(bool ok);

 private:
  void accept() override;

  JobRunner& jobs_;
  QPointer<Job> test_;
  QLineEdit* host_;
  QSpinBox* port_;
  QLineEdit* database_;
  QLineEdit* user_;
  QLineEdit* password_;
  QLineEdit* schema_;
  QComboBox* sslmode_;
  QPushButton* testButton_;
  QLabel* result_;
};

}  // namespace foresight::ui
