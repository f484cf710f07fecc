#include "UiTestSupport.h"

#include <QFile>
#include <QProcess>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "registry/ModelRegistry.h"
#include "ui/data/DataPage.h"
#include "ui/window/MainWindow.h"

namespace foresight::test {

UiFixture::UiFixture(const std::string& tag)
    : dir(makeTempDir(tag)),
      settings(std::make_unique<ui::WorkbenchSettings>(QString::fromStdString((dir / "settings.ini").string()))),
      registryUri(QStringLiteral("sqlite://") + QString::fromStdString((dir / "registry.db").string())) {
  settings->setRegistryUri(registryUri);
}

bool openSample(ui::MainWindow& window) {
  QSignalSpy loaded(window.dataPage(), &ui::DataPage::loadFinished);
  window.openSample();
  if (!loaded.wait(120000)) {
    QTest::qFail("the sample did not load within 2 minutes", __FILE__, __LINE__);
    return false;
  }
  if (!loaded.front().at(0).toBool()) {
    QTest::qFail(qPrintable(loaded.front().at(2).toString()), __FILE__, __LINE__);
    return false;
  }
  return true;
}

int pushModel(const QString& registryUri, const std::string& name, const std::string& spec,
              const TimeSeries& series, bool promote, int expectedChampion) {
  auto model = ModelFactory::create(spec);
  model->fit(series);
  const std::string artifact = ModelArtifact::toText(ModelArtifact::build({model.get()}, false));
  registry::ModelRegistry reg(registry::RegistryUri::parse(registryUri.toStdString()));
  registry::PushRequest push;
  push.name = name;
  push.artifact = artifact;
  push.artifactLabel = spec + ".json";
  const int version = reg.push(push).version;
  if (promote) {
    registry::PromoteRequest p;
    p.name = name;
    p.version = version;
    if (expectedChampion > 0) p.expected = expectedChampion;
    p.reason = "test";
    reg.promote(p);
  }
  return version;
}

QByteArray fileBytes(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString cliExportPowerBi(const QString& cli, const QString& reference, const std::string& data,
                         const QString& runId, const QString& out, const QString& registryUri, int timeoutMs) {
  QProcess process;
  process.start(cli, {QStringLiteral("export"), QStringLiteral("powerbi"), QStringLiteral("--name"), reference,
                      QStringLiteral("--data"), QString::fromStdString(data), QStringLiteral("--horizon"),
                      QStringLiteral("28"), QStringLiteral("--level"), QStringLiteral("80,95"),
                      QStringLiteral("--run-id"), runId, QStringLiteral("--out"), out, QStringLiteral("--registry"),
                      registryUri});
  if (!process.waitForFinished(timeoutMs))
    return QStringLiteral("foresight export powerbi did not finish in %1 ms").arg(timeoutMs);
  if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
    return QString::fromUtf8(process.readAllStandardError());
  return {};
}

}  // namespace foresight::test
