#include "ui/data/DataImport.h"

#include <QDir>
#include <QTemporaryDir>

#include "engine/data/DataValidator.h"
#include "engine/data/RejectedRows.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/sample/SampleDataGenerator.h"
#include "pipeline/SourceLoader.h"
#include "ui/hierarchy/HierarchyFile.h"

namespace foresight::ui {

ImportResult DataImport::run(const QString& source, const SeriesSettings& settings,
                             const ProgressSink& progress, const CancellationToken& cancel) {
  pipeline::SourceRequest request;
  request.source = source.toStdString();
  request.query = settings.query.toStdString();
  request.columns = settings.columns;
  LoadOptions options;
  options.columns = settings.columns;
  options.cancel = &cancel;
  // Loading is most of the work; validation and building share the rest.
  options.progress = [&progress](double f, std::string_view step) {
    if (progress) progress(0.8 * f, step);
  };
  const bool database = isDatabaseUri(source);
  ImportResult result;
  result.data = std::make_shared<LoadedData>(pipeline::SourceLoader::loadOne(request, options));
  RejectedRows::apply(*result.data, settings.skipBadRows ? BadRowPolicy::Skip : BadRowPolicy::Stop,
                      "tick \"Skip rows that cannot be read\" in the import dialog to leave them out");
  cancel.throwIfCancelled();
  if (progress) progress(0.8, "validating");
  result.data->findings = DataValidator::validate(*result.data);
  cancel.throwIfCancelled();
  if (progress) progress(0.9, "building series");
  result.settings = settings;
  if (!database && HierarchyFile::isHierarchical(source)) {
    // Every level is in the file: summing its rows would count each sale
    // once per level. The nodes are the series, as the file names them.
    auto h = std::make_shared<HierarchicalPanel>(HierarchicalSeries::readFile(source.toStdString()));
    result.settings.request.groupBy = Dimension::Series;
    result.settings.request.aggregation = Aggregation::Sum;
    if (!h->panel.series.empty()) result.settings.request.frequency = h->panel.series.front().frequency;
    result.panel = h->panel;
    result.hierarchy = std::move(h);
  } else {
    result.panel = SeriesBuilder::build(*result.data, settings.request);
  }
  if (progress) progress(1.0, "done");
  return result;
}

Panel DataImport::rebuild(const LoadedData& data, const SeriesSettings& settings) {
  return SeriesBuilder::build(data, settings.request);
}

QString DataImport::writeSample() {
  QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/foresight-sample-XXXXXX"));
  dir.setAutoRemove(false);  // the session reads it again for workspaces and rebuilds
  if (!dir.isValid())
    throw InputError(InputLocation{QDir::tempPath().toStdString(), 0, "", ""},
                     "cannot create a folder for the sample: " + dir.errorString().toStdString());
  SampleDataOptions options;
  options.overwrite = true;
  SampleDataGenerator::write(dir.path().toStdString(), options);
  return dir.path();
}

SeriesSettings DataImport::sampleSettings() {
  SeriesSettings s;
  s.request.measure = Measure::Revenue;
  s.request.frequency = Frequency::Daily;
  return s;
}

bool DataImport::isDatabaseUri(const QString& source) {
  return source.startsWith(QStringLiteral("sqlite://")) || source.startsWith(QStringLiteral("postgresql://"));
}

}  // namespace foresight::ui
