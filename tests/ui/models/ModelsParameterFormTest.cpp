// The generated parameter form: one field per declared parameter with its
// description as tooltip; specs round-trip through the form; edits change
// the spec; invalid specs are refused with the engine's message.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QListView>
#include <QStringListModel>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"
#include "ui/models/ParameterForm.h"
#include "ui/models/SpecPicker.h"

using namespace foresight;
using namespace foresight::ui;

class ModelsParameterFormTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyModelGetsItsDeclaredFields() {
    ParameterForm form;
    for (const ModelInfo& m : ModelFactory::models()) {
      form.setModel(QString::fromStdString(m.name));
      QCOMPARE(form.fieldCount(), static_cast<int>(m.params.size()));
      for (const ParamSpec& p : m.params) {
        QWidget* editor = form.editorFor(QString::fromStdString(p.name));
        QVERIFY2(editor, p.name.c_str());
        QVERIFY(editor->toolTip().contains(QString::fromStdString(p.description)));
      }
      // All defaults: the spec is the bare name.
      QCOMPARE(form.spec(), QString::fromStdString(m.name));
    }
  }

  void specsRoundTrip_data() {
    QTest::addColumn<QString>("spec");
    for (const char* s : {"ets(error=A,trend=Ad,season=A)", "ets(alpha=0.3,ic=bic,damped=true)", "ets(maxit=500)",
                          "snaive(period=14)", "moving_average(window=7)", "arima(p=2,d=0,q=2)", "auto_arima",
                          "theta", "ensemble(members=ets+theta)", "naive"})
      QTest::newRow(s) << QString::fromLatin1(s);
  }
  void specsRoundTrip() {
    QFETCH(QString, spec);
    ParameterForm form;
    form.setSpec(spec);
    QCOMPARE(form.spec(), ParameterForm::canonicalSpec(spec));
    // And a second trip gives the same text.
    const QString once = form.spec();
    form.setSpec(once);
    QCOMPARE(form.spec(), once);
  }

  void editsChangeTheSpec() {
    ParameterForm form;
    form.setModel(QStringLiteral("ets"));
    QSignalSpy edited(&form, &ParameterForm::edited);
    auto* trend = qobject_cast<QComboBox*>(form.editorFor(QStringLiteral("trend")));
    QVERIFY(trend);
    QCOMPARE(trend->currentText(), ParameterForm::autoText());
    trend->setCurrentText(QStringLiteral("Ad"));
    auto* alpha = qobject_cast<QDoubleSpinBox*>(form.editorFor(QStringLiteral("alpha")));
    QVERIFY(alpha);
    QCOMPARE(alpha->text(), ParameterForm::autoText());
    alpha->setValue(0.25);
    auto* maxit = qobject_cast<QSpinBox*>(form.editorFor(QStringLiteral("maxit")));
    QVERIFY(maxit);
    QCOMPARE(maxit->maximum(), 100000);
    maxit->setValue(100);
    auto* damped = qobject_cast<QCheckBox*>(form.editorFor(QStringLiteral("damped")));
    QVERIFY(damped && damped->isTristate());
    damped->setCheckState(Qt::Checked);
    QVERIFY(edited.count() >= 4);
    QCOMPARE(form.spec(), QStringLiteral("ets(trend=Ad,damped=true,alpha=0.25,maxit=100)"));
    // Back to automatic: the parameter leaves the spec.
    alpha->setValue(alpha->minimum());
    QVERIFY(!form.spec().contains(QStringLiteral("alpha")));
  }

  void invalidSpecIsRefusedAndFormKept() {
    ParameterForm form;
    form.setSpec(QStringLiteral("moving_average(window=5)"));
    try {
      form.setSpec(QStringLiteral("moving_average(window=0)"));
      QFAIL("expected an InputError");
    } catch (const InputError& e) {
      QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("window")));
    }
    QCOMPARE(form.spec(), QStringLiteral("moving_average(window=5)"));
    QVERIFY_THROWS_EXCEPTION(InputError, form.setSpec(QStringLiteral("no_such_model")));
  }

  void pickerAddsCanonicalSpecs() {
    SpecPicker picker;
    picker.setSpecs({QStringLiteral("ets(trend=Ad)"), QStringLiteral("snaive")});
    QCOMPARE(picker.specs(), QStringList({QStringLiteral("ets(trend=Ad)"), QStringLiteral("snaive")}));
    picker.form()->setSpec(QStringLiteral("theta"));
    QVERIFY(picker.addCurrent());
    QVERIFY(picker.addCurrent());  // a duplicate is not added twice
    QCOMPARE(picker.specs().size(), 3);
    QCOMPARE(picker.specs().last(), QStringLiteral("theta"));
    QVERIFY_THROWS_EXCEPTION(InputError, picker.setSpecs({QStringLiteral("ets(trend=X)")}));
    // The keyboard removes the selected spec.
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    picker.specList()->setFocus();
    picker.specList()->setCurrentIndex(picker.specModel()->index(0));
    QTest::keyClick(picker.specList(), Qt::Key_Delete);
    QCOMPARE(picker.specs(), QStringList({QStringLiteral("snaive"), QStringLiteral("theta")}));
  }
};

QTEST_MAIN(ModelsParameterFormTest)
#include "ModelsParameterFormTest.moc"
