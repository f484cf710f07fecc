// Fuzzes `foresight registry import BUNDLE.json`: ModelRegistry::importModel
// (RegistryBundle::parse, ArtifactInfo::parse, the writes) into SQLite
// registries in /dev/shm. Each input is tried as given and, when it is a
// JSON bundle, once more with every artifact's sha256 made to match, so the
// search gets past the checksum into the artifact checks. Oracles:
// - a refused bundle is an InputError whose message names the bundle file
//   and the field path (or the JSON line), and leaves no model behind;
// - an accepted bundle round-trips: exported again it holds the same model,
//   versions (artifact bytes, numbers, tags, lineage...), aliases and
//   history (plus the import event), and that export imports into another
//   registry and exports the same again.
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <cstdint>
#include <cstdio>  // std::remove
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>  // getpid

#include "FuzzOracle.h"
#include "engine/common/Errors.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryBundle.h"
#include "registry/RegistryUri.h"

using foresight::InputError;
using foresight::fuzz::check;
using foresight::fuzz::contains;
using foresight::registry::ModelRegistry;
using foresight::registry::RegistryBundle;
using foresight::registry::RegistryUri;
using nlohmann::json;

namespace {

const std::string kLabel = "bundle.json";
const foresight::registry::Lineage kWho{"0.0.0-fuzz", "fuzz", "localhost", "", "", ""};

// A registry in a fresh SQLite file, removed with it.
class ScratchRegistry {
 public:
  ScratchRegistry() {
    static int counter = 0;
    path_ = QDir::tempPath().toStdString();
    if (QDir(QStringLiteral("/dev/shm")).exists()) path_ = "/dev/shm";
    path_ += "/foresight-fuzz-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".db";
    registry_ = std::make_unique<ModelRegistry>(RegistryUri::parse("sqlite://" + path_), kWho);
  }
  ~ScratchRegistry() {
    registry_.reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path_ + suffix).c_str());
  }
  ModelRegistry& operator*() { return *registry_; }
  ModelRegistry* operator->() { return registry_.get(); }

 private:
  std::string path_;
  std::unique_ptr<ModelRegistry> registry_;
};

// Refused bundles never reach the database; one registry serves them all.
ModelRegistry& probeRegistry() {
  static ScratchRegistry probe;
  return *probe;
}

std::string sha256Hex(const std::string& bytes) {
  return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256).toHex().toStdString();
}

// The message starts with the file, then names the field path (as the field,
// or in the file part: "bundle.json: versions[0].artifact"), or the line of a
// JSON syntax error (the text of a number beyond double's range, which has no
// position), or says the document as a whole is not a bundle.
void checkRefusal(const InputError& e) {
  const auto& w = e.where();
  check(foresight::fuzz::startsWith(e.what(), kLabel), "a refused bundle names its file", e.what());
  check(!w.field.empty() || w.file != kLabel || contains(e.problem(), "at line ") ||
            contains(e.problem(), "number overflow parsing '") || contains(e.problem(), "expected a JSON object"),
        "a refused bundle names the field or the line", e.what());
}

json withoutImportEvent(json bundle) {
  auto& history = bundle["history"];
  check(!history.empty() && history.back().value("action", "") == "import", "an import adds an import event",
        history.dump());
  history.erase(history.size() - 1);
  return bundle;
}

// What an export holds that an import must keep: everything but when, where
// and by whom the export was made.
json kept(json bundle) {
  for (const char* k : {"exported_at", "exported_by", "source", "tool_version"}) bundle.erase(k);
  return bundle;
}

void checkAgainstInput(const RegistryBundle& in, const json& out) {
  const json& model = out.at("model");
  check(model.at("name") == in.name && model.at("description") == in.description && model.at("tags") == json(in.tags),
        "the model's name, description and tags are kept", model.dump());
  check(model.at("last_version") == in.lastVersion, "last_version is kept", model.dump());
  const json& versions = out.at("versions");
  check(versions.size() == in.versions.size(), "every version is kept", versions.dump());
  for (const auto& v : in.versions) {
    bool found = false;
    for (const auto& jv : versions) {
      if (jv.at("version") != v.number) continue;
      found = true;
      check(jv.at("artifact") == v.artifact && jv.at("sha256") == v.sha256, "artifact bytes and hash are kept",
            std::to_string(v.number));
      check(jv.at("tags") == json(v.tags) && jv.at("archived") == v.archived && jv.at("backtest") == v.backtest,
            "a version's tags, archived flag and backtest are kept", jv.dump());
      const json& l = jv.at("lineage");
      check(l.at("tool_version") == v.lineage.toolVersion && l.at("user") == v.lineage.user &&
                l.at("host") == v.lineage.host && l.at("command_line") == v.lineage.commandLine &&
                l.at("ci_run_id") == v.lineage.ciRunId && l.at("git_commit") == v.lineage.gitCommit,
            "a version's lineage is kept", l.dump());
    }
    check(found, "every version number is kept", std::to_string(v.number));
  }
  const json& aliases = out.at("aliases");
  check(aliases.size() == in.aliases.size(), "every alias is kept", aliases.dump());
  for (const auto& a : in.aliases) {
    bool found = false;
    for (const auto& ja : aliases) found = found || (ja.at("alias") == a.alias && ja.at("version") == a.version);
    check(found, "an alias keeps its version", a.alias);
  }
  const json& history = out.at("history");
  check(history.size() == in.history.size() + 1, "the history is kept, plus the import", history.dump());
  for (std::size_t i = 0; i < in.history.size(); ++i) {
    const auto& e = in.history[i];
    const json& je = history.at(i);
    check(je.at("at") == e.at && je.at("actor") == e.actor && je.at("action") == e.action &&
              je.at("alias") == (e.alias.empty() ? json(nullptr) : json(e.alias)) &&
              je.at("from_version") == (e.fromVersion ? json(*e.fromVersion) : json(nullptr)) &&
              je.at("to_version") == (e.toVersion ? json(*e.toVersion) : json(nullptr)) && je.at("reason") == e.reason &&
              je.at("comparison") == e.comparison,
          "a history event is kept in order", je.dump());
  }
}

void importOnce(const std::string& bytes) {
  RegistryBundle parsed;
  try {
    // The registry's own clock, as import reads it: a time in the future is
    // refused by both, or by neither.
    parsed = RegistryBundle::parse(bytes, kLabel, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString(),
                                   "fuzz@localhost");
  } catch (const InputError& e) {
    checkRefusal(e);
    try {
      (void)probeRegistry().importModel(bytes, kLabel);
    } catch (const InputError& again) {
      check(std::string(again.what()) == e.what(), "import refuses the bundle as the parser does", again.what());
      check(probeRegistry().list().empty(), "a refused import leaves nothing behind");
      return;
    }
    foresight::fuzz::violated("import refuses what the parser refuses", e.what());
  }

  json first, second;
  {
    ScratchRegistry registry;
    try {
      (void)registry->importModel(bytes, kLabel);
    } catch (const InputError& e) {
      checkRefusal(e);
      check(registry->list().empty(), "a refused import leaves nothing behind");
      return;
    }
    first = registry->exportModel(parsed.name);
  }
  checkAgainstInput(parsed, first);
  {
    ScratchRegistry registry;
    try {
      (void)registry->importModel(first.dump(), kLabel);
    } catch (const InputError& e) {
      foresight::fuzz::violated("an exported bundle imports", e.what());
    }
    second = registry->exportModel(parsed.name);
  }
  check(kept(withoutImportEvent(second)) == kept(first), "export -> import -> export is stable",
        kept(first).dump() + "\n  became\n  " + kept(second).dump());
}

// The bundle with each artifact's sha256 set to match it; "" when it is not
// a bundle with artifacts or nothing changed.
std::string withMatchingHashes(const std::string& bytes) {
  const json doc = json::parse(bytes, nullptr, false);
  if (!doc.is_object() || !doc.contains("versions") || !doc["versions"].is_array()) return "";
  json fixed = doc;
  bool changed = false;
  for (auto& v : fixed["versions"]) {
    if (!v.is_object() || !v.contains("artifact") || !v["artifact"].is_string()) continue;
    const std::string hash = sha256Hex(v["artifact"].get<std::string>());
    changed = changed || v.value("sha256", json()) != hash;
    v["sha256"] = hash;
  }
  return changed ? fixed.dump() : "";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  importOnce(bytes);
  if (const std::string fixed = withMatchingHashes(bytes); !fixed.empty()) importOnce(fixed);
  return 0;
}
