// PipelineRunner in process, as the GUI runs it: progress rises to 1 through
// the named stages, a cancelled run stops with CancelledError and registers
// nothing, and a data error names the file before anything is registered.
#include <QtTest/QtTest>
#include <cmath>
#include <fstream>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "pipeline/PipelineRunner.h"
#include "registry/ModelReference.h"
#include "registry/ModelRegistry.h"

using namespace foresight;
using namespace foresight::pipeline;

namespace {

void writeSeries(const std::filesystem::path& file, int days) {
  std::ofstream out(file);
  out << "series,date,value\n";
  const Date start = *Date::parseIso("2021-01-04");
  for (int i = 0; i < days; ++i)
    out << "shop," << start.addDays(i).toIso() << "," << 50 + 5 * std::sin(2 * M_PI * i / 7.0) + (i % 3) << "\n";
}

PipelineConfig config(const std::filesystem::path& dir) {
  PipelineConfig c;
  c.file = (dir / "pipeline.json").string();
  c.name = "shop";
  c.source = (dir / "shop.csv").string();
  c.candidates = {"snaive", "ets"};
  c.backtest.horizon = 7;
  c.backtest.folds = 3;
  c.registry = "sqlite://" + (dir / "registry.db").string();
  c.out = (dir / "run").string();
  return c;
}

std::size_t modelCount(const std::filesystem::path& dir) {
  registry::ModelRegistry reg(registry::RegistryUri::parse("sqlite://" + (dir / "registry.db").string()));
  return reg.list().size();
}

}  // namespace

class PipelineRunnerTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void reportsProgressThroughEveryStage() {
    const auto dir = test::makeTempDir("runner-progress");
    writeSeries(dir / "shop.csv", 120);
    std::vector<double> fractions;
    std::vector<std::string> logged;
    PipelineRunOptions options;
    options.progress = [&](double f, std::string_view) { fractions.push_back(f); };
    options.log = [&](const std::string& line) { logged.push_back(line); };
    options.runId = "test-run";
    const PipelineRunResult r = PipelineRunner(config(dir), options).run();
    QVERIFY(r.promoted);
    QCOMPARE(r.version, 1);
    QCOMPARE(r.report["run_id"].get<std::string>(), std::string("test-run"));
    QVERIFY(!fractions.empty());
    QCOMPARE(fractions.back(), 1.0);
    for (std::size_t i = 1; i < fractions.size(); ++i) QVERIFY2(fractions[i] >= fractions[i - 1] - 1e-12, "progress went back");
    for (const char* stage : {"data", "registry", "backtest", "fit", "register", "promote", "export"}) {
      const bool found = std::any_of(logged.begin(), logged.end(), [&](const std::string& l) {
        return l.rfind(std::string(stage) + ": done in", 0) == 0;
      });
      QVERIFY2(found, stage);
    }
  }

  void cancelledRunRegistersNothing() {
    const auto dir = test::makeTempDir("runner-cancel");
    writeSeries(dir / "shop.csv", 120);
    CancellationToken cancel;
    PipelineRunOptions options;
    options.cancel = &cancel;
    // Cancel as soon as the backtest starts: the stages after it never run.
    options.progress = [&](double, std::string_view step) {
      if (step == "backtest") cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(CancelledError, PipelineRunner(config(dir), options).run());
    QCOMPARE(modelCount(dir), std::size_t(0));
  }

  // A run that fails after registering (here the report cannot be written:
  // its name is taken by a folder, as a full disk would fail it) withdraws
  // its version: the champion goes back, the version is archived, and no
  // temporary file is left in the run folder.
  void failureAfterRegisteringWithdrawsTheVersion() {
    const auto dir = test::makeTempDir("runner-withdraw");
    writeSeries(dir / "shop.csv", 120);
    PipelineRunOptions options;
    options.runId = "first";
    QCOMPARE(PipelineRunner(config(dir), options).run().version, 1);  // v1 is champion

    PipelineConfig second = config(dir);
    second.out = (dir / "run2").string();
    second.candidates = {"ets", "snaive"};
    std::filesystem::create_directories(dir / "run2" / "report.md");
    std::vector<std::string> logged;
    options.runId = "second";
    options.log = [&](const std::string& line) { logged.push_back(line); };
    try {
      PipelineRunner(second, options).run();
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("report.md") != std::string::npos, e.what());
    }
    registry::ModelRegistry reg(registry::RegistryUri::parse("sqlite://" + (dir / "registry.db").string()));
    const auto details = reg.show("shop");
    QCOMPARE(details.versions.size(), std::size_t(2));
    QVERIFY(details.versions.at(1).archived);
    QVERIFY(details.versions.at(1).aliases.empty());
    QCOMPARE(reg.resolve(registry::ModelReference::parse("shop@champion")).version, 1);
    const auto history = reg.history("shop");
    QCOMPARE(history.back().action, std::string("archive"));
    QVERIFY2(history.back().reason.find("run second failed after registering") != std::string::npos,
             history.back().reason.c_str());
    QVERIFY(std::any_of(logged.begin(), logged.end(),
                        [](const std::string& l) { return l.find("register: withdrew shop v2") == 0; }));
    for (const auto& entry : std::filesystem::directory_iterator(dir / "run2"))
      QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos, entry.path().c_str());
  }

  void badDataNamesTheFileAndRegistersNothing() {
    const auto dir = test::makeTempDir("runner-bad");
    std::ofstream(dir / "shop.csv") << "series,date,value\nshop,2021-01-04,1\nshop,2021-13-05,2\n";
    try {
      PipelineRunner(config(dir), {}).run();
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("shop.csv") != std::string::npos, e.what());
    }
    QVERIFY(!std::filesystem::exists(dir / "registry.db") || modelCount(dir) == 0);
  }

  // A generic file (not the tidy series CSV) with one value that is not a
  // number: the run stops naming the row, or with on_bad_rows = skip goes on
  // and lists the row in report.json, report.md and run.log.
  void badRowsStopTheRunUnlessSkipped() {
    const auto dir = test::makeTempDir("runner-bad-rows");
    {
      std::ofstream out(dir / "shop.csv");
      out << "date;amount\n";
      const Date start = *Date::parseIso("2021-01-04");
      for (int i = 0; i < 120; ++i)
        out << start.addDays(i).toIso() << ";" << (i == 40 ? std::string("n/a") : std::to_string(50 + (i % 7))) << "\n";
    }
    PipelineConfig c = config(dir);
    std::vector<std::string> logged;
    PipelineRunOptions options;
    options.log = [&](const std::string& line) { logged.push_back(line); };
    try {
      PipelineRunner(c, options).run();
      QFAIL("a bad row did not stop the run");
    } catch (const InputError& e) {
      const std::string what = e.what();
      for (const std::string& part : std::vector<std::string>{(dir / "shop.csv").string() + ":42", "field 'amount'",
                                                              "value 'n/a'", "1 row rejected", "\"on_bad_rows\": \"skip\""})
        QVERIFY2(what.find(part) != std::string::npos, (part + " not in: " + what).c_str());
    }
    QVERIFY(!std::filesystem::exists(dir / "registry.db") || modelCount(dir) == 0);

    c.onBadRows = BadRowPolicy::Skip;
    const PipelineRunResult r = PipelineRunner(c, options).run();
    const auto& data = r.report["data"];
    QCOMPARE(data["on_bad_rows"].get<std::string>(), std::string("skip"));
    QCOMPARE(data["rows_skipped"].get<std::size_t>(), std::size_t(1));
    const std::string row = data["skipped_rows"][0].get<std::string>();
    QVERIFY2(row.find((dir / "shop.csv").string() + ":42") != std::string::npos && row.find("n/a") != std::string::npos,
             row.c_str());
    std::ifstream md(r.reportMd), log(r.logFile);
    const std::string mdText((std::istreambuf_iterator<char>(md)), {}), logText((std::istreambuf_iterator<char>(log)), {});
    QVERIFY2(mdText.find("Skipped rows") != std::string::npos && mdText.find(row) != std::string::npos, mdText.c_str());
    QVERIFY2(logText.find("skipped row " + row) != std::string::npos, logText.c_str());
    QVERIFY(std::any_of(logged.begin(), logged.end(), [&](const std::string& l) { return l.find("warning: skipped row") != std::string::npos; }));
  }
};

QTEST_GUILESS_MAIN(PipelineRunnerTest)
#include "PipelineRunnerTest.moc"
