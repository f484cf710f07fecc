#include "ui/registry/PostgresDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <memory>

#include "engine/common/Errors.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistrySchema.h"
#include "ui/jobs/JobRunner.h"

namespace foresight::ui {

namespace {

QString encoded(const QString& s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); }

}  // namespace

PostgresDialog::PostgresDialog(JobRunner& jobs, QWidget* parent)
    : QDialog(parent),
      jobs_(jobs),
      host_(new QLineEdit(QStringLiteral("localhost"), this)),
      port_(new QSpinBox(this)),
      database_(new QLineEdit(this)),
      user_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      schema_(new QLineEdit(this)),
      sslmode_(new QComboBox(this)),
      testButton_(new QPushButton(tr("&Test connection"), this)),
      result_(new QLabel(this)) {
  setWindowTitle(tr("Connect to a PostgreSQL registry"));
  port_->setRange(1, 65535);
  port_->setValue(5432);
  password_->setEchoMode(QLineEdit::Password);
  password_->setPlaceholderText(tr("empty: PGPASSWORD or ~/.pgpass"));
  password_->setToolTip(tr("A password typed here is kept in the registry URI of your settings; leave it empty "
                           "to let libpq read PGPASSWORD or ~/.pgpass instead"));
  schema_->setPlaceholderText(tr("optional: several registries can share a database"));
  sslmode_->addItems({QString(), QStringLiteral("disable"), QStringLiteral("prefer"), QStringLiteral("require"),
                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")});
  sslmode_->setToolTip(tr("libpq's sslmode; empty: libpq's default"));
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // Wide enough for a typical host name and the test's answer.
  result_->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 60);
  auto* form = new QFormLayout(this);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->addRow(tr("&Host"), host_);
  form->addRow(tr("P&ort"), port_);
  form->addRow(tr("&Database"), database_);
  form->addRow(tr("&User"), user_);
  form->addRow(tr("Pass&word"), password_);
  form->addRow(tr("&Schema"), schema_);
  form->addRow(tr("SSL &mode"), sslmode_);
  form->addRow(testButton_, result_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
  form->addRow(buttons);
  connect(testButton_, &QPushButton::clicked, this, &PostgresDialog::testConnection);
  connect(buttons, &QDialogButtonBox::accepted, this, &PostgresDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PostgresDialog::~PostgresDialog() {
  if (test_) test_->cancel();  // its done callback is tied to this dialog and is skipped
}

QString PostgresDialog::uri() const {
  const auto require = [](const QLineEdit* edit, const char* field) {
    if (edit->text().trimmed().isEmpty())
      throw InputError(InputLocation{"", 0, field, ""}, "is needed to connect to PostgreSQL");
    return edit->text().trimmed();
  };
  QString uri = QStringLiteral("postgresql://");
  const QString user = user_->text().trimmed();
  if (!user.isEmpty()) {
    uri += encoded(user);
    if (!password_->text().isEmpty()) uri += QLatin1Char(':') + encoded(password_->text());
    uri += QLatin1Char('@');
  }
  const QString host = require(host_, "host");
  uri += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
  uri += QLatin1Char(':') + QString::number(port_->value()) + QLatin1Char('/') + encoded(require(database_, "database"));
  QStringList query;
  if (!schema_->text().trimmed().isEmpty()) query << QStringLiteral("schema=") + schema_->text().trimmed();
  if (!sslmode_->currentText().isEmpty()) query << QStringLiteral("sslmode=") + sslmode_->currentText();
  if (!query.isEmpty()) uri += QLatin1Char('?') + query.join(QLatin1Char('&'));
  registry::RegistryUri::parse(uri.toStdString());  // the registry's own check, with its message
  return uri;
}

void PostgresDialog::setUri(const QString& text) {
  registry::RegistryUri u;
  try {
    u = registry::RegistryUri::parse(text.toStdString());
  } catch (const InputError&) {
    return;
  }
  if (u.isSqlite()) return;
  host_->setText(QString::fromStdString(u.host()));
  if (u.port() != 0) port_->setValue(u.port());
  database_->setText(QString::fromStdString(u.database()));
  user_->setText(QString::fromStdString(u.user()));
  password_->setText(QString::fromStdString(u.password()));
  schema_->setText(QString::fromStdString(u.schema()));
  const auto ssl = u.options().find("sslmode");
  if (ssl != u.options().end()) sslmode_->setCurrentText(QString::fromStdString(ssl->second));
}

std::string PostgresDialog::probe(const std::string& uri) {
  registry::RegistryConnection db(registry::RegistryUri::parse(uri));
  const int version = registry::RegistrySchema::storedVersion(db);
  if (version == 0) return "Connected to " + db.uri().redacted() + ". No registry there yet: its tables are created on first use.";
  return "Connected to " + db.uri().redacted() + ": a registry with schema version " + std::to_string(version) + ".";
}

void PostgresDialog::testConnection() {
  if (test_) return;
  std::string target;
  try {
    target = uri().toStdString();
  } catch (const std::exception& e) {
    result_->setText(QString::fromUtf8(e.what()));
    Q_EMIT testFinished(false);
    return;
  }
  auto answer = std::make_shared<std::string>();
  result_->setText(tr("Connecting…"));
  testButton_->setEnabled(false);
  test_ = jobs_.run(
      tr("Test the PostgreSQL connection"),
      [target, answer](const ProgressSink&, const CancellationToken&) { *answer = probe(target); },
      [this, answer](const JobOutcome& o) {
        test_ = nullptr;
        testButton_->setEnabled(true);
        result_->setText(o.succeeded() ? QString::fromStdString(*answer) : tr("Cannot connect: %1").arg(o.message));
        Q_EMIT testFinished(o.succeeded());
      },
      this);
}

QString PostgresDialog::testResult() const { return result_->text(); }

void PostgresDialog::accept() {
  try {
    uri();
  } catch (const std::exception& e) {
    result_->setText(QString::fromUtf8(e.what()));
    return;
  }
  QDialog::accept();
}

}  // namespace foresight::ui
