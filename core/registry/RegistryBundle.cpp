#include "registry/RegistryBundle.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <limits>
#include <map>
#include <set>

#include "engine/common/Errors.h"
#include "engine/common/SecretText.h"
#include "engine/io/JsonText.h"
#include "registry/RegistryJson.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {

using nlohmann::json;

std::string sha256Hex(const std::string& bytes) {
  return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256).toHex().toStdString();
}

// Typed access to the bundle with errors naming the file and the field path.
class BundleReader {
 public:
  BundleReader(std::string file, const std::string& now)
      : file_(std::move(file)), now_(QDateTime::fromString(QString::fromStdString(now), Qt::ISODateWithMs)) {}
  [[noreturn]] void fail(const std::string& field, const std::string& problem, const std::string& value = "") const {
    throw InputError(InputLocation{file_, 0, field, value}, problem);
  }
  const json& object(const json& obj, const std::string& key, const std::string& path) const {
    return member(obj, key, path, json::value_t::object);
  }
  const json& array(const json& obj, const std::string& key, const std::string& path) const {
    return member(obj, key, path, json::value_t::array);
  }
  std::string text(const json& obj, const std::string& key, const std::string& path) const {
    return member(obj, key, path, json::value_t::string).get<std::string>();
  }
  std::string optionalText(const json& obj, const std::string& key, const std::string& path,
                           const std::string& fallback) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return fallback;
    if (!it->is_string()) fail(path + key, "expected a string");
    return it->get<std::string>();
  }
  int integer(const json& obj, const std::string& key, const std::string& path) const {
    const auto v = optionalInt(obj, key, path);
    if (!v) fail(path + key, "missing");
    return *v;
  }
  std::optional<int> optionalInt(const json& obj, const std::string& key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer() || it->get<long long>() < 0 ||
        it->get<long long>() > std::numeric_limits<int>::max())
      fail(path + key, "expected a whole number from 0 to 2147483647 or null", it->dump());
    return it->get<int>();
  }
  Tags tags(const json& obj, const std::string& path) const {
    Tags t;
    const auto it = obj.find("tags");
    if (it == obj.end()) return t;
    if (!it->is_object()) fail(path + "tags", "expected an object of strings");
    for (const auto& [k, v] : it->items()) {
      if (!v.is_string()) fail(path + "tags." + k, "expected a string");
      validName("tag key", k, path + "tags." + k);
      try {
        requireValidTagValue(k, v.get<std::string>());
      } catch (const InputError& e) {
        fail(path + "tags." + k, e.problem(), v.get<std::string>());
      }
      t[k] = v.get<std::string>();
    }
    return t;
  }
  // A name breaking the registry's rules (RegistryNames), reported at its
  // field in the bundle.
  void validName(const std::string& what, const std::string& text, const std::string& field) const {
    try {
      requireValidName(what, text);
    } catch (const InputError& e) {
      fail(field, e.problem(), text);
    }
  }
  void requireObject(const json& j, const std::string& path) const {
    if (!j.is_object()) fail(path.substr(0, path.size() - 1), "expected an object");
  }
  // An object with exactly the keys a bundle may hold there: a key the
  // writer never writes is a forgery or a typo, and is refused by name.
  void onlyKeys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) const {
    for (const auto& [key, value] : obj.items()) {
      bool known = false;
      for (const char* a : allowed) known = known || key == a;
      if (!known) fail(path + (key.empty() ? "\"\"" : key), "is not a field of a registry bundle here");
    }
  }
  // A UTC time as the registry writes it (2026-12-07T15:44:29.123Z, or with
  // an offset), not later than the importing clock plus kClockSkew.
  std::string time(const json& obj, const std::string& key, const std::string& path, const std::string& fallback) const {
    const std::string text = optionalText(obj, key, path, fallback);
    static const QRegularExpression shape(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)"));
    const QString q = QString::fromStdString(text);
    const QDateTime at = QDateTime::fromString(q, Qt::ISODateWithMs);
    if (!shape.match(q).hasMatch() || !at.isValid())
      fail(path + key, "is not a UTC time like 2026-12-07T15:44:29Z", text);
    if (now_.isValid() && at > now_.addSecs(kClockSkewSeconds))
      fail(path + key,
           "lies in the future: more than " + std::to_string(kClockSkewSeconds / 60) +
               " minutes after this machine's clock",
           text);
    return text;
  }
  // Who did something: user@host as the registry records it; any text a
  // person could have as a name, without control characters.
  std::string actor(const json& obj, const std::string& key, const std::string& path, const std::string& fallback) const {
    const std::string text = optionalText(obj, key, path, fallback);
    if (text.empty() || text.size() > 256) fail(path + key, "must be 1 to 256 characters (user@host)", text);
    for (char c : text)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) fail(path + key, "contains a control character", text);
    return text;
  }

 private:
  const json& member(const json& obj, const std::string& key, const std::string& path, json::value_t type) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(path + key, "missing");
    if (it->type() != type) fail(path + key, "has the wrong type (" + std::string(it->type_name()) + ")");
    return *it;
  }
  static constexpr int kClockSkewSeconds = 5 * 60;
  std::string file_;
  QDateTime now_;
};

RegistryBundle::Version readVersion(const json& jv, const std::string& path, const BundleReader& in,
                                    const std::string& label, const std::string& now) {
  in.requireObject(jv, path);
  // What export writes: the artifact, its hash and the index fields read
  // from it (read again from the artifact, never trusted), and the rest.
  in.onlyKeys(jv, path, {"version", "artifact", "sha256", "size", "model_type", "spec", "series_count", "frequency",
                         "data_sha256", "train_start", "train_end", "metrics", "params", "backtest", "lineage",
                         "created_at", "tags", "archived"});
  RegistryBundle::Version v;
  v.number = in.integer(jv, "version", path);
  v.artifact = in.text(jv, "artifact", path);
  v.sha256 = in.text(jv, "sha256", path);
  if (sha256Hex(v.artifact) != v.sha256)
    in.fail(path + "sha256", "does not match the artifact's bytes (the bundle was changed or damaged)");
  v.info = ArtifactInfo::parse(v.artifact, label + ": " + path + "artifact");
  v.createdAt = in.time(jv, "created_at", path, now);
  v.tags = in.tags(jv, path);
  if (const auto a = jv.find("archived"); a != jv.end() && !a->is_boolean())
    in.fail(path + "archived", "expected true or false");
  v.archived = jv.value("archived", false);
  v.backtest = jv.value("backtest", json());
  if (const auto l = jv.find("lineage"); l != jv.end()) {
    const std::string lp = path + "lineage.";
    in.requireObject(*l, lp);
    in.onlyKeys(*l, lp, {"tool_version", "user", "host", "command_line", "ci_run_id", "git_commit"});
    // A command line typed by someone else may hold a password or key: it is
    // stored redacted by the same rule as the registry's own lineage.
    v.lineage = {in.optionalText(*l, "tool_version", lp, ""),
                 in.optionalText(*l, "user", lp, ""),
                 in.optionalText(*l, "host", lp, ""),
                 redactSecrets(in.optionalText(*l, "command_line", lp, "")),
                 in.optionalText(*l, "ci_run_id", lp, ""),
                 in.optionalText(*l, "git_commit", lp, "")};
  }
  if (const auto b = jv.find("backtest"); b != jv.end() && !b->is_null() && !b->is_object())
    in.fail(path + "backtest", "expected an object or null");
  return v;
}

HistoryEvent readEvent(const json& je, const std::string& path, const BundleReader& in) {
  in.requireObject(je, path);
  in.onlyKeys(je, path, {"at", "actor", "action", "alias", "from_version", "to_version", "reason", "comparison",
                         "override", "failed_rules"});
  HistoryEvent e;
  in.text(je, "at", path);  // present, and a string
  e.at = in.time(je, "at", path, "");
  in.text(je, "actor", path);
  e.actor = in.actor(je, "actor", path, "");
  e.action = in.text(je, "action", path);
  e.alias = in.optionalText(je, "alias", path, "");
  if (!e.alias.empty()) in.validName("alias", e.alias, path + "alias");
  e.fromVersion = in.optionalInt(je, "from_version", path);
  e.toVersion = in.optionalInt(je, "to_version", path);
  e.reason = in.optionalText(je, "reason", path, "");
  e.comparison = je.value("comparison", json());
  if (!e.comparison.is_null() && !e.comparison.is_object())
    in.fail(path + "comparison", "expected an object or null");
  // Each action with the fields the registry writes for it.
  const auto needs = [&](bool ok, const std::string& field, const std::string& problem) {
    if (!ok) in.fail(path + field, problem + " for action '" + e.action + "'");
  };
  if (e.action == "push") {
    needs(e.toVersion.has_value(), "to_version", "is required");
  } else if (e.action == "alias-set" || e.action == "promote" || e.action == "rollback") {
    needs(!e.alias.empty(), "alias", "is required");
    needs(e.toVersion.has_value(), "to_version", "is required");
    needs(e.action == "alias-set" ? e.alias != kChampion : e.alias == kChampion, "alias",
          e.action == "alias-set" ? "cannot be champion (promote moves it)" : "must be champion");
  } else if (e.action == "alias-remove") {
    needs(!e.alias.empty(), "alias", "is required");  // champion too: withdraw() removes a first champion
  } else if (e.action == "archive" || e.action == "restore" || e.action == "delete") {
    needs(e.fromVersion.has_value(), "from_version", "is required");
  } else if (e.action != "import") {
    in.fail(path + "action",
            "is not a registry action (push, alias-set, alias-remove, promote, rollback, archive, restore, delete, "
            "import)",
            e.action);
  }
  // Bundles written before overrides existed have neither field.
  if (const auto o = je.find("override"); o != je.end() && !o->is_null()) {
    if (!o->is_boolean()) in.fail(path + "override", "expected true or false");
    e.isOverride = o->get<bool>();
  }
  if (const auto f = je.find("failed_rules"); f != je.end() && !f->is_null()) {
    if (!f->is_array()) in.fail(path + "failed_rules", "expected an array of {\"rule\", \"reason\"}");
    for (std::size_t i = 0; i < f->size(); ++i) {
      const json& rule = (*f)[i];
      const std::string rp = path + "failed_rules[" + std::to_string(i) + "].";
      in.requireObject(rule, rp);
      in.onlyKeys(rule, rp, {"rule", "reason"});
      in.text(rule, "rule", rp);
      in.text(rule, "reason", rp);
    }
    e.failedRules = failedRulesFromJson(*f);
  }
  return e;
}

// The aliases and archived flags must be what the history says they are: a
// champion the history never promoted, an alias on an archived version or a
// version the history deleted is a forged or damaged bundle.
void checkStateAgainstHistory(const RegistryBundle& b, const BundleReader& in) {
  struct Last {
    std::optional<int> version;  // nullopt: removed
    std::size_t event = 0;
  };
  std::map<std::string, Last> aliasByHistory;
  std::map<int, std::pair<std::string, std::size_t>> versionEvent;  // archive / restore / delete, and where
  bool aliasesMayPredateHistory = b.history.empty();
  for (std::size_t i = 0; i < b.history.size(); ++i) {
    const HistoryEvent& e = b.history[i];
    const std::string path = "history[" + std::to_string(i) + "].";
    for (const auto& [field, v] : {std::pair{"from_version", e.fromVersion}, std::pair{"to_version", e.toVersion}})
      if (v && (*v < 1 || *v > b.lastVersion))
        in.fail(path + field,
                "names version " + std::to_string(*v) + ", outside 1.." + std::to_string(b.lastVersion) +
                    " (the model's last_version)");
    if (e.action == "alias-set" || e.action == "promote" || e.action == "rollback")
      aliasByHistory[e.alias] = {e.toVersion, i};
    else if (e.action == "alias-remove")
      aliasByHistory[e.alias] = {std::nullopt, i};
    else if (e.action == "archive" || e.action == "restore" || e.action == "delete")
      versionEvent[*e.fromVersion] = {e.action, i};
    else if (e.action == "import")
      aliasesMayPredateHistory = true;
  }
  for (std::size_t k = 0; k < b.versions.size(); ++k) {
    const RegistryBundle::Version& v = b.versions[k];
    const auto it = versionEvent.find(v.number);
    if (it == versionEvent.end()) continue;
    const std::string path = "versions[" + std::to_string(k) + "].";
    const std::string by = "history[" + std::to_string(it->second.second) + "]";
    if (it->second.first == "delete") in.fail(path + "version", "was deleted by " + by, std::to_string(v.number));
    if (v.archived != (it->second.first == "archive"))
      in.fail(path + "archived", "contradicts " + by + ", which " + it->second.first + "d this version");
  }
  std::set<std::string> inBundle;
  for (std::size_t k = 0; k < b.aliases.size(); ++k) {
    const RegistryBundle::Alias& a = b.aliases[k];
    const std::string path = "aliases[" + std::to_string(k) + "].";
    inBundle.insert(a.alias);
    for (const RegistryBundle::Version& v : b.versions)
      if (v.number == a.version && v.archived)
        in.fail(path + "version", "points alias '" + a.alias + "' at an archived version", std::to_string(a.version));
    const auto h = aliasByHistory.find(a.alias);
    if (h == aliasByHistory.end()) {
      // An import takes a bundle's aliases as they are (a bundle made by hand
      // has no history to explain them), so only a history without an import
      // must explain every alias.
      if (!aliasesMayPredateHistory) in.fail(path + "alias", "is set, but no history event sets it", a.alias);
      continue;
    }
    const std::string by = "history[" + std::to_string(h->second.event) + "]";
    if (!h->second.version) in.fail(path + "alias", "was removed by " + by, a.alias);
    if (*h->second.version != a.version)
      in.fail(path + "version",
              "contradicts " + by + ", which last moved '" + a.alias + "' to version " +
                  std::to_string(*h->second.version),
              std::to_string(a.version));
  }
  for (const auto& [alias, last] : aliasByHistory)
    if (last.version && !inBundle.count(alias))
      in.fail("history[" + std::to_string(last.event) + "].alias",
              "sets '" + alias + "' to version " + std::to_string(*last.version) + ", but the bundle has no such alias",
              alias);
}

}  // namespace

RegistryBundle RegistryBundle::parse(const std::string& bytes, const std::string& label, const std::string& now,
                                     const std::string& actor) {
  const BundleReader in(label, now);
  const json doc = parseJsonText(bytes, label);
  if (!doc.is_object()) in.fail("", "expected a JSON object (a foresight registry bundle)");
  in.onlyKeys(doc, "", {"schema", "exported_at", "exported_by", "tool_version", "source", "model", "versions", "aliases",
                        "history"});
  if (const auto s = in.optionalText(doc, "schema", "", ""); s != kSchema)
    in.fail("schema", std::string("expected \"") + kSchema + "\"", s);

  RegistryBundle b;
  const json& model = in.object(doc, "model", "");
  in.onlyKeys(model, "model.", {"name", "description", "tags", "created_at", "created_by", "last_version"});
  b.name = in.text(model, "name", "model.");
  in.validName("model name", b.name, "model.name");
  b.description = in.optionalText(model, "description", "model.", "");
  b.createdAt = in.time(model, "created_at", "model.", now);
  b.createdBy = in.actor(model, "created_by", "model.", actor);
  b.tags = in.tags(model, "model.");
  b.lastVersion = in.optionalInt(model, "last_version", "model.").value_or(0);
  b.source = in.optionalText(doc, "source", "", "?");
  b.exportedAt = doc.contains("exported_at") ? in.time(doc, "exported_at", "", now) : "?";

  std::set<int> numbers;
  const json& versions = in.array(doc, "versions", "");
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const std::string path = "versions[" + std::to_string(i) + "].";
    Version v = readVersion(versions[i], path, in, label, now);
    if (v.number < 1 || !numbers.insert(v.number).second)
      in.fail(path + "version", "must be a positive number that appears once", std::to_string(v.number));
    b.lastVersion = std::max(b.lastVersion, v.number);
    b.versions.push_back(std::move(v));
  }
  const json& aliases = in.array(doc, "aliases", "");
  for (std::size_t i = 0; i < aliases.size(); ++i) {
    const std::string path = "aliases[" + std::to_string(i) + "].";
    in.requireObject(aliases[i], path);
    in.onlyKeys(aliases[i], path, {"alias", "version", "updated_at", "updated_by"});
    Alias a{in.text(aliases[i], "alias", path), in.integer(aliases[i], "version", path),
            in.time(aliases[i], "updated_at", path, now), in.actor(aliases[i], "updated_by", path, actor)};
    in.validName("alias", a.alias, path + "alias");
    if (!numbers.count(a.version))
      in.fail(path + "version", "names a version that is not in the bundle", std::to_string(a.version));
    for (const Alias& before : b.aliases)
      if (before.alias == a.alias) in.fail(path + "alias", "appears twice", a.alias);
    b.aliases.push_back(std::move(a));
  }
  const json& history = in.array(doc, "history", "");
  for (std::size_t i = 0; i < history.size(); ++i)
    b.history.push_back(readEvent(history[i], "history[" + std::to_string(i) + "].", in));
  checkStateAgainstHistory(b, in);
  return b;
}

}  // namespace foresight::registry
