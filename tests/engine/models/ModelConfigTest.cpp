#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelConfig.h"
#include "engine/models/ModelFactory.h"

using foresight::InputError;
using foresight::ModelConfig;
using foresight::ModelSpec;
using foresight::ParamSpec;
using foresight::ParamType;

namespace {
std::vector<ParamSpec> declared() {
  return {ParamSpec{"p", ParamType::Int, 1, 0.0, 5.0, {}, "AR order"},
          ParamSpec{"alpha", ParamType::Double, nullptr, 0.0, 1.0, {}, "smoothing"},
          ParamSpec{"damped", ParamType::Bool, false, {}, {}, {}, "damp the trend"},
          ParamSpec{"trend", ParamType::Choice, "N", {}, {}, {"N", "A", "Ad"}, "trend type"},
          ParamSpec{"members", ParamType::ModelList, "naive", {}, {}, {}, "members"},
          ParamSpec{"seed", ParamType::Int, 0, {}, {}, {}, "unbounded"}};
}

std::string configError(const std::string& spec) {
  try {
    (void)ModelConfig::fromSpec(ModelSpec::parse(spec), declared());
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

class ModelConfigTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void defaultsFillEveryParameter() {
    const auto c = ModelConfig::fromSpec(ModelSpec::parse("m"), declared());
    QCOMPARE(c.getInt("p"), 1);
    QVERIFY(c.isAuto("alpha"));
    QVERIFY(!c.getBool("damped"));
    QCOMPARE(c.getString("trend"), std::string("N"));
    QCOMPARE(c.toSpecText("m", declared()), std::string("m"));
  }
  void typedValues() {
    const auto c = ModelConfig::fromSpec(
        ModelSpec::parse("m(trend=ad, alpha=0.25, damped=1, p=3, members=ets(error=A)+theta)"), declared());
    QCOMPARE(c.getInt("p"), 3);
    QCOMPARE(c.getDouble("alpha"), 0.25);
    QVERIFY(c.getBool("damped"));
    QCOMPARE(c.getString("trend"), std::string("Ad"));  // case-insensitive, canonical spelling kept
    QCOMPARE(c.toSpecText("m", declared()),
             std::string("m(p=3,alpha=0.25,damped=true,trend=Ad,members=ets(error=A)+theta)"));
    // The spec text recreates the same values.
    const auto again = ModelConfig::fromSpec(ModelSpec::parse(c.toSpecText("m", declared())), declared());
    QCOMPARE(again.values(), c.values());
  }
  void autoOnlyWhereTheDefaultIsAutomatic() {
    QVERIFY(ModelConfig::fromSpec(ModelSpec::parse("m(alpha=auto)"), declared()).isAuto("alpha"));
    QVERIFY(contains(configError("m(p=auto)"), "cannot be automatic"));
  }
  void badValuesNameModelAndParameter_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << QStringLiteral("m(q=1)")
                                 << QStringLiteral("model 'm' has no parameter 'q'; valid: p, alpha, damped, trend, members, seed");
    QTest::newRow("above max") << QStringLiteral("m(p=6)") << QStringLiteral("parameter 'p' = '6' is above the maximum 5");
    QTest::newRow("below min") << QStringLiteral("m(alpha=-0.1)") << QStringLiteral("parameter 'alpha' = '-0.1' is below the minimum 0");
    QTest::newRow("not int") << QStringLiteral("m(p=1.5)") << QStringLiteral("parameter 'p' = '1.5' is not a whole number");
    QTest::newRow("int overflow") << QStringLiteral("m(seed=99999999999)") << QStringLiteral("'99999999999' is too large");
    QTest::newRow("not number") << QStringLiteral("m(alpha=x)") << QStringLiteral("'x' is not a number");
    QTest::newRow("infinite") << QStringLiteral("m(alpha=inf)") << QStringLiteral("'inf' is not a number");
    QTest::newRow("bad bool") << QStringLiteral("m(damped=yes)") << QStringLiteral("is not true, false, 1 or 0");
    QTest::newRow("bad choice") << QStringLiteral("m(trend=M)") << QStringLiteral("parameter 'trend' = 'M' is not one of: N, A, Ad");
    QTest::newRow("bad members") << QStringLiteral("m(members=ets+)") << QStringLiteral("is not a '+'-separated list of model specs");
  }
  void badValuesNameModelAndParameter() {
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    const std::string message = configError(spec.toStdString());
    QVERIFY2(contains(message, expected.toStdString()), message.c_str());
    QVERIFY2(contains(message, "model 'm'"), message.c_str());
  }
  void fromJsonValidatesTheSameWay() {
    const auto c = ModelConfig::fromJson("m", {{"p", 2}, {"alpha", nullptr}, {"trend", "A"}}, declared());
    QCOMPARE(c.getInt("p"), 2);
    try {
      (void)ModelConfig::fromJson("m", {{"p", "2"}}, declared());
      QFAIL("accepted a string for an int");
    } catch (const InputError& e) {
      QCOMPARE(e.where().field, std::string("p"));
      QVERIFY2(contains(e.what(), "not a whole number"), e.what());
    }
    try {
      (void)ModelConfig::fromJson("m", {{"zzz", 2}}, declared());
      QFAIL("accepted an unknown key");
    } catch (const InputError& e) {
      QCOMPARE(e.where().field, std::string("zzz"));
    }
  }
  void factoryListsModelsSortedAndRefusesUnknownNames() {
    const auto& models = foresight::ModelFactory::models();
    QVERIFY(models.size() >= 5);
    for (std::size_t i = 1; i < models.size(); ++i) QVERIFY(models[i - 1].name < models[i].name);
    try {
      (void)foresight::ModelFactory::create("nosuchmodel(a=1)");
      QFAIL("made an unknown model");
    } catch (const InputError& e) {
      QVERIFY2(contains(e.what(), "unknown model") && contains(e.what(), "naive"), e.what());
    }
    const auto m = foresight::ModelFactory::create("snaive(period=4)");
    QCOMPARE(m->name(), std::string("snaive"));
    QCOMPARE(m->specText(), std::string("snaive(period=4)"));
    QCOMPARE(foresight::ModelFactory::create("moving_average")->specText(), std::string("moving_average"));
  }
};

QTEST_GUILESS_MAIN(ModelConfigTest)
#include "ModelConfigTest.moc"
