#include "engine/models/ModelArtifact.h"

#include <algorithm>  // std::count
#include <chrono>    // system_clock
#include <cmath>     // std::isfinite, std::sqrt
#include <ctime>     // gmtime_r, strftime
#include <fstream>
#include <sstream>

#include "engine/common/Errors.h"
#include "engine/common/Sha256.h"
#include "engine/common/Version.h"
#include "engine/io/AtomicFileWriter.h"
#include "engine/io/InputFile.h"
#include "engine/io/JsonText.h"
#include "engine/models/JsonFields.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/SeriesCleaning.h"

namespace foresight {

namespace {

// In-sample accuracy of the one-step fitted values (null when there are none).
nlohmann::json fitMetrics(const Forecaster& model) {
  nlohmann::json m = model.statistics().toJson();
  const Eigen::VectorXd r = model.residuals();
  double abs = 0, sq = 0;
  int count = 0;
  for (Eigen::Index i = 0; i < r.size(); ++i)
    if (std::isfinite(r[i])) {
      abs += std::fabs(r[i]);
      sq += r[i] * r[i];
      ++count;
    }
  m["mae"] = count ? nlohmann::json(abs / count) : nlohmann::json();
  m["rmse"] = count ? nlohmann::json(std::sqrt(sq / count)) : nlohmann::json();
  return m;
}

Date parseDateField(const nlohmann::json& obj, const char* key) {
  const std::string text = json_fields::string(obj, key);
  const auto d = Date::parseIso(text);
  if (!d) throw InputError(InputLocation{"", 0, key, text}, "not a date (YYYY-MM-DD)");
  return *d;
}

void checkSchema(const nlohmann::json& j, bool hierarchicalAllowed = false) {
  const std::string schema = json_fields::string(j, "schema");
  if (schema == ModelArtifact::kSchema) return;
  if (hierarchicalAllowed && schema == ModelArtifact::kHierarchicalSchema) return;
  const std::string prefix = "foresight.model/";
  if (schema.rfind(prefix, 0) == 0)
    throw InputError(InputLocation{"", 0, "schema", schema},
                     "written by a newer or unknown Foresight; this version " + std::string(kToolVersion) + " reads " +
                         std::string(ModelArtifact::kSchema) + " and " + std::string(ModelArtifact::kHierarchicalSchema));
  throw InputError(InputLocation{"", 0, "schema", schema}, "not a Foresight model artifact");
}

std::unique_ptr<Forecaster> restore(const nlohmann::json& j) {
  checkSchema(j);
  const std::string name = json_fields::string(j, "model");
  const ModelInfo& info = ModelFactory::find(name);  // its error names the field "model"
  const nlohmann::json& spec = json_fields::field(j, "spec");
  ModelConfig config = json_fields::underPath("spec", [&] { return ModelConfig::fromJson(name, spec, info.params); });
  const nlohmann::json& fit = json_fields::field(j, "fit");
  const FitInfo fitInfo = json_fields::underPath("fit", [&] {
    FitInfo f;
    f.series = json_fields::string(fit, "series");
    const std::string freq = json_fields::string(fit, "freq");
    const auto parsed = parseFrequency(freq);
    if (!parsed) throw InputError(InputLocation{"", 0, "freq", freq}, "not a frequency (D, W, M, Q, Y)");
    f.frequency = *parsed;
    f.start = parseDateField(fit, "start");
    f.end = parseDateField(fit, "end");
    f.n = json_fields::integer(fit, "n", 1, 1 << 30);
    return f;
  });
  (void)json_fields::string(j, "created_at");
  (void)json_fields::string(j, "tool_version");
  std::unique_ptr<Forecaster> model = info.make(std::move(config));
  const nlohmann::json& state = json_fields::field(j, "state");
  json_fields::underPath("state", [&] { model->loadState(state, fitInfo); });
  const std::string recorded = json_fields::underPath("fit", [&] { return json_fields::string(fit, "data_sha256"); });
  if (dataFingerprint(model->seenData()) != recorded)
    throw InputError(InputLocation{"", 0, "fit.data_sha256", ""},
                     "does not match the data stored in state.y (the artifact was altered or corrupted)");
  return model;
}

// Puts the file name on an InputError raised while reading it.
InputError inFile(const InputError& e, const std::string& source, const std::string& path) {
  InputError p = json_fields::prefixed(e, path);
  InputLocation w = p.where();
  w.file = source;
  return InputError(w, p.problem());
}

}  // namespace

std::string utcTimestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string dataFingerprint(const TimeSeries& series) {
  Sha256 h;
  for (Eigen::Index i = 0; i < series.size(); ++i) {
    const double v = series.values[i];
    h.update(series.dateAt(i).toIso() + "," + (std::isfinite(v) ? formatValue(v) : std::string()) + "\n");
  }
  return h.hexDigest();
}

nlohmann::json ModelArtifact::entry(const Forecaster& model, const ArtifactClock& clock) {
  const FitInfo& info = model.info();
  return {{"schema", kSchema},
          {"model", model.name()},
          {"spec", model.config().values()},
          {"spec_text", model.specText()},
          {"params", model.params()},
          {"state", model.saveState()},
          {"fit",
           {{"series", info.series},
            {"freq", frequencyCode(info.frequency)},
            {"start", info.start.toIso()},
            {"end", info.end.toIso()},
            {"n", info.n},
            {"data_sha256", dataFingerprint(model.seenData())},
            {"metrics", fitMetrics(model)}}},
          {"created_at", clock()},
          {"tool_version", kToolVersion}};
}

nlohmann::json ModelArtifact::build(const std::vector<const Forecaster*>& models, bool panel,
                                    const ArtifactClock& clock) {
  if (!panel) {
    if (models.size() != 1) throw Error("a single-model artifact holds exactly one model");
    return entry(*models.front(), clock);
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const Forecaster* m : models) entries.push_back(entry(*m, clock));
  return {{"schema", kSchema}, {"panel", std::move(entries)}};
}

nlohmann::json ModelArtifact::buildHierarchical(const std::vector<const Forecaster*>& models, nlohmann::json hierarchy,
                                                const ArtifactClock& clock) {
  nlohmann::json j = build(models, true, clock);
  j["schema"] = kHierarchicalSchema;
  j["hierarchy"] = std::move(hierarchy);
  return j;
}

std::string ModelArtifact::toText(const nlohmann::json& artifact) { return artifact.dump(2) + "\n"; }

void ModelArtifact::write(const std::filesystem::path& file, const nlohmann::json& artifact,
                          const CancellationToken* cancel) {
  AtomicFileWriter::write(file, toText(artifact), cancel);
}

std::unique_ptr<Forecaster> ModelArtifact::loadEntry(const nlohmann::json& entry, const std::string& source,
                                                     const std::string& path) {
  try {
    return restore(entry);
  } catch (const InputError& e) {
    throw inFile(e, source, path);
  } catch (const nlohmann::json::exception& e) {
    // A model's own state reader met a value of the wrong type.
    throw InputError(InputLocation{source, 0, path.empty() ? "state" : path + ".state", ""},
                     std::string("corrupt model state: ") + e.what());
  }
}

ModelArtifact::Loaded ModelArtifact::parse(std::string_view text, const std::string& source) {
  nlohmann::json j;
  try {
    j = parseJsonText(text, source);
  } catch (const JsonTextError& e) {
    if (e.kind() != JsonTextError::Kind::Syntax) throw;
    throw InputError(e.where(), e.problem() + "; the model file is truncated or corrupt");
  }
  Loaded out;
  if (j.is_object() && j.contains("panel")) {
    try {
      checkSchema(j, true);
    } catch (const InputError& e) {
      throw inFile(e, source, "");
    }
    const bool hierarchical = j["schema"] == kHierarchicalSchema;
    if (hierarchical != j.contains("hierarchy"))
      throw InputError(InputLocation{source, 0, "hierarchy", ""},
                       hierarchical ? "missing: a " + std::string(kHierarchicalSchema) + " artifact describes its hierarchy"
                                    : "a hierarchy needs the schema " + std::string(kHierarchicalSchema));
    if (hierarchical) {
      if (!j["hierarchy"].is_object()) throw InputError(InputLocation{source, 0, "hierarchy", ""}, "expected an object");
      out.hierarchy = j["hierarchy"];
    }
    const auto& panel = j["panel"];
    if (!panel.is_array() || panel.empty())
      throw InputError(InputLocation{source, 0, "panel", ""}, "expected a non-empty array of model entries");
    out.panel = true;
    for (std::size_t i = 0; i < panel.size(); ++i)
      out.models.push_back(loadEntry(panel[i], source, "panel[" + std::to_string(i) + "]"));
    return out;
  }
  if (!j.is_object()) throw InputError(InputLocation{source, 0, "", ""}, "expected a JSON object (a model artifact)");
  out.models.push_back(loadEntry(j, source));
  return out;
}

ModelArtifact::Loaded ModelArtifact::read(const std::filesystem::path& file) {
  return parse(readInputText(file), file.string());
}

}  // namespace foresight
