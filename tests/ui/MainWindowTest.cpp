// The main window's first run and its exit: the start page (sample, recent
// workspaces, choosing or creating a registry), the PostgreSQL dialog's
// connection test, a Settings dialog wide
// enough for the registry URI, and closing with a running job or unsaved
// work, answered through the real QMessageBox.
#include <QAbstractButton>
#include <QApplication>
#include <QListWidget>
#include <QMessageBox>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest/QtTest>
#include <functional>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "engine/common/Errors.h"
#include "ui/jobs/JobRunner.h"
#include "ui/registry/PostgresDialog.h"
#include "ui/registry/RegistryLocation.h"
#include "ui/registry/RegistryPage.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/window/MainWindow.h"
#include "ui/window/StartPage.h"
#include "ui/workspace/Workspace.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

// Answers the next modal message box from inside its own event loop: a
// zero-time single shot looks for it (re-posting itself until the box is
// up), records its text and clicks the button `choose` picks.
void answerNextMessageBox(QString* text, std::function<QAbstractButton*(QMessageBox*)> choose, int tries = 10000) {
  QTimer::singleShot(0, [=] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) {
      if (tries > 0) answerNextMessageBox(text, choose, tries - 1);
      else QTest::qFail("no message box appeared", __FILE__, __LINE__);
      return;
    }
    *text = box->text();
    choose(box)->click();
  });
}

QAbstractButton* buttonText(QMessageBox* box, const QString& part) {
  for (QAbstractButton* b : box->buttons())
    if (b->text().remove(QLatin1Char('&')).contains(part)) return b;
  return box->buttons().front();
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void startPageComesFirstAndChoosesTheRegistry() {
    test::UiFixture f("ui-start");
    const QString workspace = QString::fromStdString((f.dir / "earlier.fsw.json").string());
    f.settings->addRecentFile(workspace);
    MainWindow window(*f.settings);
    QCOMPARE(window.pageNames().first(), QStringLiteral("Start"));
    QCOMPARE(window.currentPageName(), QStringLiteral("Start"));
    StartPage* start = window.startPage();
    QVERIFY(start->registryText().contains(f.registryUri));
    QCOMPARE(start->recentList()->count(), 1);
    QVERIFY(start->recentList()->item(0)->text().contains(QStringLiteral("earlier.fsw.json")));

    // A new SQLite registry in a folder of the user's choice: created on first use.
    const QString fresh = RegistryLocation::sqliteUri(QString::fromStdString((f.dir / "team-registry").string()));
    QVERIFY(fresh.endsWith(QStringLiteral("team-registry.db")));
    QSignalSpy refreshed(window.registryPage(), &RegistryPage::refreshed);
    QVERIFY(start->useRegistry(fresh));
    QCOMPARE(window.session().registryUri(), fresh);
    QCOMPARE(f.settings->registryUri(), fresh);
    QVERIFY(start->registryText().contains(QStringLiteral("team-registry.db")));
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(refreshed.last().first().toBool(), true);
    QVERIFY(std::filesystem::exists(f.dir / "team-registry.db"));
    QVERIFY(!start->useRegistry(QStringLiteral("sqlite://relative.db")));  // refused, nothing changes
    QCOMPARE(window.session().registryUri(), fresh);
  }

  // Every page fits a 1024x700 screen: the window's minimum size (what its
  // layouts can shrink to, menu and status bar included) leaves room for it.
  // It was 884 px tall when the Models page's parameter form asked for 22 rows.
  void windowFitsA1024x700Screen() {
    test::UiFixture f("ui-min-size");
    MainWindow window(*f.settings);
    QString pages;
    for (const QString& name : window.pageNames()) {
      const QSize min = window.page(name)->minimumSizeHint();
      pages += QStringLiteral(" %1 %2x%3").arg(name).arg(min.width()).arg(min.height());
    }
    const QSize min = window.minimumSizeHint().expandedTo(window.minimumSize());
    QVERIFY2(min.width() <= 1024 && min.height() <= 700,
             qPrintable(QStringLiteral("window minimum %1x%2; pages:%3").arg(min.width()).arg(min.height()).arg(pages)));
  }

  // The PostgreSQL dialog builds the URI from its fields and tests the
  // connection in the background: a refused one says why; a real server
  // ($FORESIGHT_TEST_PG_URI, as the registry suites use) says what is there.
  void postgresDialogTestsTheConnection() {
    JobRunner jobs;
    PostgresDialog dialog(jobs);
    dialog.databaseEdit()->clear();
    QVERIFY_THROWS_EXCEPTION(InputError, dialog.uri());  // the database is needed
    dialog.setUri(QStringLiteral("postgresql://ana@127.0.0.1:1/forecasts?schema=team"));
    QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(dialog.schemaEdit()->text(), QStringLiteral("team"));
    QCOMPARE(dialog.uri(), QStringLiteral("postgresql://ana@127.0.0.1:1/forecasts?schema=team"));
    QSignalSpy tested(&dialog, &PostgresDialog::testFinished);
    dialog.testConnection();
    QVERIFY(tested.wait(60000));
    QCOMPARE(tested.last().first().toBool(), false);
    QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Cannot connect")), qPrintable(dialog.testResult()));

    const QByteArray pg = qgetenv("FORESIGHT_TEST_PG_URI");
    if (pg.isEmpty()) return;  // the refused connection above is the part that needs no server
    dialog.setUri(QString::fromUtf8(pg));
    dialog.schemaEdit()->setText(QStringLiteral("workbench_probe"));
    dialog.testConnection();
    QVERIFY(tested.wait(60000));
    QVERIFY2(tested.last().first().toBool(), qPrintable(dialog.testResult()));
    QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Connected to")), qPrintable(dialog.testResult()));
  }

  void settingsDialogFitsTheRegistryUri() {
    test::UiFixture f("ui-settings");
    const QString longUri = QStringLiteral("sqlite://") + QString::fromStdString((f.dir / "a-rather-long-folder-name" /
                                                                                  "another-level" / "registry.db").string());
    f.settings->setRegistryUri(longUri);
    SettingsDialog dialog(*f.settings);
    dialog.show();  // lays the dialog out at its size hint
    QLineEdit* edit = dialog.registryEdit();
    QCOMPARE(edit->text(), longUri);
    // The whole URI is visible: the field is at least as wide as its text.
    QVERIFY2(edit->width() >= edit->fontMetrics().horizontalAdvance(longUri),
             qPrintable(QStringLiteral("field %1 px, text %2 px").arg(edit->width()).arg(edit->fontMetrics().horizontalAdvance(longUri))));
  }

  // Closing while a job runs asks; Cancel keeps the window and the job,
  // "Stop and quit" cancels the job and closes. The job waits on a latch,
  // so it is running for certain while the question is asked.
  void quittingWithARunningJobAsks() {
    test::UiFixture f("ui-quit-job");
    MainWindow window(*f.settings);
    window.show();
    QTRY_VERIFY(!window.jobs().isBusy());  // the start-up registry read
    QSemaphore latch;
    JobOutcome outcome;
    bool ended = false;
    window.jobs().run(
        QStringLiteral("Backtest on demand"),
        [&](const ProgressSink&, const CancellationToken& cancel) {
          latch.acquire();
          cancel.throwIfCancelled();
        },
        [&](const JobOutcome& o) {
          outcome = o;
          ended = true;
        });
    QString asked;
    answerNextMessageBox(&asked, [](QMessageBox* box) { return box->button(QMessageBox::Cancel); });
    QVERIFY(!window.close());
    QVERIFY2(asked.contains(QStringLiteral("Backtest on demand")) && asked.contains(QStringLiteral("Stop it and quit")),
             qPrintable(asked));
    QVERIFY(window.isVisible());
    QVERIFY(window.jobs().isBusy());

    answerNextMessageBox(&asked, [](QMessageBox* box) { return buttonText(box, QStringLiteral("Stop and quit")); });
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    latch.release();
    QTRY_VERIFY_WITH_TIMEOUT(ended, 30000);
    QCOMPARE(outcome.status, JobOutcome::Status::Cancelled);
  }

  // Unsaved work asks Save / Discard / Cancel; Save writes the workspace
  // it came from; saved work closes without a question.
  void quittingWithUnsavedWorkAsks() {
    test::UiFixture f("ui-quit-unsaved");
    const QString file = QString::fromStdString((f.dir / "work.fsw.json").string());
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    QTRY_VERIFY(!window.jobs().isBusy());
    QVERIFY(window.hasUnsavedWork());
    QString asked;
    answerNextMessageBox(&asked, [](QMessageBox* box) { return box->button(QMessageBox::Cancel); });
    QVERIFY(!window.close());
    QVERIFY2(asked.contains(QStringLiteral("not saved")), qPrintable(asked));
    QVERIFY(window.isVisible());

    QVERIFY(window.saveWorkspace(file));
    QVERIFY(!window.hasUnsavedWork());
    QVERIFY(window.confirmClose());  // nothing to ask: no box, so no answer is queued

    window.session().setCandidateSpecs({QStringLiteral("naive")});
    QVERIFY(window.hasUnsavedWork());
    answerNextMessageBox(&asked, [](QMessageBox* box) { return box->button(QMessageBox::Save); });
    QVERIFY(window.close());
    QVERIFY2(asked.contains(QStringLiteral("work.fsw.json")), qPrintable(asked));
    QCOMPARE(Workspace::load(file).candidates, QStringList{QStringLiteral("naive")});
  }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
