// Helpers of the workbench GUI tests: a private settings file and registry
// per test, loading the sample through the real Data page, and registering
// a fitted model.
#pragma once

#include <QSignalSpy>
#include <QString>
#include <filesystem>
#include <memory>
#include <string>

#include "engine/common/TimeSeries.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::ui {
class MainWindow;
}

namespace foresight::test {

struct UiFixture {
  explicit UiFixture(const std::string& tag);
  std::filesystem::path dir;
  std::unique_ptr<ui::WorkbenchSettings> settings;  // INI file in dir, registry in dir
  QString registryUri;
};

// File > Open sample through the window; false (with a QTest failure
// message) when it did not load within two minutes.
bool openSample(ui::MainWindow& window);

// Fits `spec` on `series`, pushes it as `name` and, when `promote`, makes it
// the champion (expecting `expectedChampion`, 0 for none). Returns the version.
int pushModel(const QString& registryUri, const std::string& name, const std::string& spec,
              const TimeSeries& series, bool promote, int expectedChampion = 0);

// The whole file, empty when it cannot be read.
QByteArray fileBytes(const QString& file);

// Runs `CLI export powerbi --name REFERENCE --data DATA --horizon 28
// --level 80,95 --run-id RUN_ID --out OUT --registry REGISTRY`, the CLI side
// of the GUI-vs-CLI byte comparisons. Returns "" on success, else what failed
// (a run longer than timeoutMs fails).
QString cliExportPowerBi(const QString& cli, const QString& reference, const std::string& data,
                         const QString& runId, const QString& out, const QString& registryUri, int timeoutMs);

}  // namespace foresight::test
