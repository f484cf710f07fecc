#include "registry/ArtifactInfo.h"

#include <QCryptographicHash>
#include <algorithm>
#include <set>

#include "engine/common/Errors.h"
#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/io/JsonText.h"
#include "engine/models/ModelArtifact.h"

namespace foresight::registry {

namespace {

using nlohmann::json;

class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem,
                         const std::string& value = "") const {
    throw InputError(InputLocation{file_, 0, field, value}, problem);
  }

  // Optional string member; "" when absent.
  std::string text(const json& obj, const std::string& key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string()) fail(path + key, "expected a string, found " + std::string(it->type_name()));
    return it->get<std::string>();
  }

  const json& object(const json& obj, const std::string& key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(path + key, "missing; a fitted model artifact has one");
    if (!it->is_object()) fail(path + key, "expected an object, found " + std::string(it->type_name()));
    return *it;
  }

  // One fitted model: {"model","spec","params","state","fit":{...}}.
  ArtifactInfo entry(const json& e, const std::string& path) const {
    if (!e.is_object())
      fail(path.empty() ? "" : path.substr(0, path.size() - 1), "expected an object (a fitted model)");
    ArtifactInfo a;
    a.modelType = text(e, "model", path);
    if (a.modelType.empty()) fail(path + "model", "missing; the model's name is required");
    // "spec_text" is what `foresight fit` writes for people; "spec" may be
    // that text or the object of parameter values.
    a.spec = text(e, "spec_text", path);
    if (const auto s = e.find("spec"); a.spec.empty() && s != e.end() && !s->is_null())
      a.spec = s->is_string() ? s->get<std::string>() : s->dump();
    if (const auto p = e.find("params"); p != e.end() && !p->is_null()) {
      if (!p->is_object()) fail(path + "params", "expected an object, found " + std::string(p->type_name()));
      a.params = *p;
    }
    const json& fit = object(e, "fit", path);
    const std::string fitPath = path + "fit.";
    a.series = text(fit, "series", fitPath);
    a.frequency = text(fit, "freq", fitPath);
    a.trainStart = text(fit, "start", fitPath);
    a.trainEnd = text(fit, "end", fitPath);
    a.dataSha256 = text(fit, "data_sha256", fitPath);
    if (!a.dataSha256.empty() &&
        (a.dataSha256.size() != 64 ||
         !std::all_of(a.dataSha256.begin(), a.dataSha256.end(),
                      [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })))
      fail(fitPath + "data_sha256", "expected 64 lowercase hex digits", a.dataSha256);
    if (const auto n = fit.find("n"); n != fit.end() && !n->is_number_integer())
      fail(fitPath + "n", "expected a whole number");
    a.metrics = metrics(fit, fitPath);
    a.createdAt = text(e, "created_at", path);
    a.toolVersion = text(e, "tool_version", path);
    return a;
  }

  // fit.metrics when present; otherwise the fit's numeric members (aic, bic,
  // sigma2, ...) except the observation count.
  json metrics(const json& fit, const std::string& fitPath) const {
    if (const auto m = fit.find("metrics"); m != fit.end()) {
      if (!m->is_object()) fail(fitPath + "metrics", "expected an object");
      return *m;
    }
    json out = json::object();
    for (const auto& [k, v] : fit.items())
      if (v.is_number() && k != "n") out[k] = v;
    return out;
  }

 private:
  std::string file_;
};

ArtifactInfo panelInfo(const json& doc, const Checker& check) {
  const auto& panel = doc["panel"];
  if (!panel.is_array() || panel.empty()) check.fail("panel", "expected a non-empty array of fitted models");
  ArtifactInfo p;
  p.modelType = "panel";
  p.seriesCount = static_cast<int>(panel.size());
  std::set<std::string> seen, frequencies, models;
  std::string fingerprints;
  bool sameData = true;
  for (std::size_t i = 0; i < panel.size(); ++i) {
    const std::string path = "panel[" + std::to_string(i) + "].";
    ArtifactInfo e = check.entry(panel[i], path);
    const std::string key = e.series.empty() ? std::to_string(i) : e.series;
    if (!seen.insert(key).second) check.fail(path + "fit.series", "series appears twice in the panel", key);
    frequencies.insert(e.frequency);
    if (!e.trainStart.empty() && (p.trainStart.empty() || e.trainStart < p.trainStart)) p.trainStart = e.trainStart;
    if (e.trainEnd > p.trainEnd) p.trainEnd = e.trainEnd;
    sameData = sameData && e.dataSha256 == panel[0]["fit"].value("data_sha256", std::string());
    fingerprints += key + "=" + e.dataSha256 + "\n";
    p.metrics[key] = e.metrics;
    p.params[key] = e.params;
  }
  p.frequency = frequencies.size() == 1 ? *frequencies.begin() : "mixed";
  // One data file behind every series keeps its own hash; otherwise the
  // fingerprint is the hash of the per-series hashes, so any change shows.
  if (const auto top = doc.find("data_sha256"); top != doc.end() && top->is_string())
    p.dataSha256 = top->get<std::string>();
  else if (sameData)
    p.dataSha256 = panel[0]["fit"].value("data_sha256", std::string());
  else
    p.dataSha256 = QCryptographicHash::hash(QByteArray::fromStdString(fingerprints),
                                            QCryptographicHash::Sha256).toHex().toStdString();
  p.createdAt = check.text(doc, "created_at", "");
  p.toolVersion = check.text(doc, "tool_version", "");
  return p;
}

}  // namespace

ArtifactInfo ArtifactInfo::parse(std::string_view bytes, const std::string& sourceLabel) {
  const Checker check(sourceLabel);
  if (bytes.empty()) check.fail("", "the model artifact is empty");
  const json doc = parseJsonText(bytes, sourceLabel);
  if (!doc.is_object()) check.fail("", "expected a JSON object (a foresight model artifact)");
  const std::string schema = check.text(doc, "schema", "");
  const std::string known = "\"" + std::string(ModelArtifact::kSchema) + "\" or \"" +
                            std::string(ModelArtifact::kHierarchicalSchema) + "\"";
  if (schema.empty()) check.fail("schema", "missing; expected " + known);
  if (schema != ModelArtifact::kSchema && schema != ModelArtifact::kHierarchicalSchema)
    check.fail("schema", "unsupported artifact schema; expected " + known, schema);
  if (schema == ModelArtifact::kHierarchicalSchema) {
    // A hierarchy is checked whole when it is stored (the one reader every
    // consumer uses), so a registry never holds one that cannot be served.
    const ModelArtifact::Loaded loaded = ModelArtifact::parse(bytes, sourceLabel);
    std::vector<const Forecaster*> models;
    for (const auto& m : loaded.models) models.push_back(m.get());
    (void)HierarchicalModel::fromSection(loaded.hierarchy, std::move(models), sourceLabel);
    ArtifactInfo h = panelInfo(doc, check);
    h.modelType = "hierarchy";
    return h;
  }
  if (doc.contains("panel")) return panelInfo(doc, check);
  return check.entry(doc, "");
}

}  // namespace foresight::registry
