#include "ServingTestSupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <stdexcept>

#include <cmath>

#include "TestSupport.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "registry/ModelRegistry.h"

namespace foresight::test {

namespace {

// 140 days of weekly seasonality on a slow trend, deterministic.
TimeSeries daily(const std::string& name, double level) {
  TimeSeries s{name, Frequency::Daily, *Date::parseIso("2020-01-01"), Eigen::VectorXd(140)};
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const double t = static_cast<double>(i);
    s.values[i] = level + 0.2 * t + 12.0 * std::sin(2.0 * M_PI * t / 7.0) + 3.0 * std::cos(1.7 * t);
  }
  return s;
}

std::string artifact(const std::vector<std::pair<std::string, TimeSeries>>& fits, bool panel) {
  std::vector<std::unique_ptr<Forecaster>> models;
  std::vector<const Forecaster*> ptrs;
  for (const auto& [spec, series] : fits) {
    models.push_back(ModelFactory::create(spec));
    models.back()->fit(series);
    ptrs.push_back(models.back().get());
  }
  return ModelArtifact::toText(ModelArtifact::build(ptrs, panel));
}

}  // namespace

ServingFixture makeServingRegistry(const std::string& tag) {
  ServingFixture f;
  f.dir = makeTempDir("serving-" + tag);
  f.registryDir = f.dir / "reg";
  std::filesystem::create_directories(f.registryDir);
  f.uri = registry::RegistryUri::parse("sqlite://" + (f.registryDir / "registry.db").string());
  fillServingRegistry(f.uri);
  return f;
}

void fillServingRegistry(const registry::RegistryUri& uri) {
  registry::ModelRegistry reg(uri);
  registry::PushRequest r;
  r.name = "sales";
  r.artifact = artifact({{"ets", daily("total", 100)}}, false);
  r.artifactLabel = "ets.json";
  r.aliases = {"challenger"};
  reg.push(r);
  reg.promote({"sales", 1, std::nullopt, "first", nullptr});
  r.artifact = artifact({{"theta", daily("total", 100)}}, false);
  r.artifactLabel = "theta.json";
  r.aliases.clear();
  reg.push(r);
  r.name = "regions";
  r.artifact = artifact({{"ets", daily("North", 50)}, {"ets", daily("South, \"West\"", 80)}}, true);
  r.artifactLabel = "regions.json";
  reg.push(r);
  reg.promote({"regions", 1, std::nullopt, "first", nullptr});
}

void tamperArtifact(const registry::RegistryUri& uri, const std::string& model, int version) {
  const QString connection = QStringLiteral("tamper");
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(QString::fromStdString(uri.path()));
    if (!db.open()) throw std::runtime_error("cannot open " + uri.path());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE model_versions SET artifact = artifact || ' ' WHERE version = ? AND model_id = "
                             "(SELECT id FROM models WHERE name = ?)"));
    q.addBindValue(version);
    q.addBindValue(QString::fromStdString(model));
    if (!q.exec() || q.numRowsAffected() != 1) throw std::runtime_error("cannot tamper with " + model);
  }
  QSqlDatabase::removeDatabase(connection);
}

void promote(const registry::RegistryUri& uri, const std::string& model, int version, int expected) {
  registry::ModelRegistry reg(uri);
  reg.promote({model, version, expected, "test promotion", nullptr});
}

}  // namespace foresight::test
