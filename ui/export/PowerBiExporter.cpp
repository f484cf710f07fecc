#include "ui/export/PowerBiExporter.h"

#include <vector>

#include "pipeline/PowerBiExport.h"
#include "pipeline/RegisteredModel.h"
#include "pipeline/RunId.h"
#include "registry/ModelRegistry.h"

namespace foresight::ui {

PowerBiExportSummary PowerBiExporter::run(const PowerBiExportRequest& request, const Panel& actuals,
                                          const CancellationToken& cancel) {
  std::string ref = request.reference.trimmed().toStdString();
  // As the CLI: a bare name means its champion.
  if (ref.find_first_of("@/") == std::string::npos) ref += "@champion";
  registry::ModelRegistry reg(registry::RegistryUri::parse(request.registryUri.toStdString()));
  auto model = pipeline::RegisteredModel::pull(reg, registry::ModelReference::parse(ref));
  cancel.throwIfCancelled();
  model.updateWith(actuals, "the session's series");
  cancel.throwIfCancelled();
  pipeline::PowerBiExport csv(request.runId.isEmpty() ? pipeline::makeRunId() : request.runId.toStdString());
  const std::vector<double> levels(request.levels.begin(), request.levels.end());
  model.exportTo(csv, actuals, request.horizon, levels, request.history);
  csv.writeFile(request.outFile.toStdString());
  return PowerBiExportSummary{csv.actualRows(), csv.forecastRows(), QString::fromStdString(model.name()),
                              model.version().version};
}

}  // namespace foresight::ui
