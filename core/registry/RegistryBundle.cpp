#include "registry/RegistryBundle.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <limits>
#include <set>

#include "engine/common/Errors.h"
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
  explicit BundleReader(std::string file) : file_(std::move(file)) {}
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

 private:
  const json& member(const json& obj, const std::string& key, const std::string& path, json::value_t type) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(path + key, "missing");
    if (it->type() != type) fail(path + key, "has the wrong type (" + std::string(it->type_name()) + ")");
    return *it;
  }
  std::string file_;
};

RegistryBundle::Version readVersion(const json& jv, const std::string& path, const BundleReader& in,
                                    const std::string& label, const std::string& now) {
  in.requireObject(jv, path);
  RegistryBundle::Version v;
  v.number = in.integer(jv, "version", path);
  v.artifact = in.text(jv, "artifact", path);
  v.sha256 = in.text(jv, "sha256", path);
  if (sha256Hex(v.artifact) != v.sha256)
    in.fail(path + "sha256", "does not match the artifact's bytes (the bundle was changed or damaged)");
  v.info = ArtifactInfo::parse(v.artifact, label + ": " + path + "artifact");
  v.createdAt = in.optionalText(jv, "created_at", path, now);
  v.tags = in.tags(jv, path);
  if (const auto a = jv.find("archived"); a != jv.end() && !a->is_boolean())
    in.fail(path + "archived", "expected true or false");
  v.archived = jv.value("archived", false);
  v.backtest = jv.value("backtest", json());
  if (const auto l = jv.find("lineage"); l != jv.end()) {
    const std::string lp = path + "lineage.";
    in.requireObject(*l, lp);
    v.lineage = {in.optionalText(*l, "tool_version", lp, ""), in.optionalText(*l, "user", lp, ""),
                 in.optionalText(*l, "host", lp, ""),         in.optionalText(*l, "command_line", lp, ""),
                 in.optionalText(*l, "ci_run_id", lp, ""),    in.optionalText(*l, "git_commit", lp, "")};
  }
  return v;
}

HistoryEvent readEvent(const json& je, const std::string& path, const BundleReader& in) {
  in.requireObject(je, path);
  HistoryEvent e;
  e.at = in.text(je, "at", path);
  e.actor = in.text(je, "actor", path);
  e.action = in.text(je, "action", path);
  e.alias = in.optionalText(je, "alias", path, "");
  e.fromVersion = in.optionalInt(je, "from_version", path);
  e.toVersion = in.optionalInt(je, "to_version", path);
  e.reason = in.optionalText(je, "reason", path, "");
  e.comparison = je.value("comparison", json());
  // Bundles written before overrides existed have neither field.
  if (const auto o = je.find("override"); o != je.end() && !o->is_null()) {
    if (!o->is_boolean()) in.fail(path + "override", "expected true or false");
    e.isOverride = o->get<bool>();
  }
  if (const auto f = je.find("failed_rules"); f != je.end() && !f->is_null()) {
    if (!f->is_array()) in.fail(path + "failed_rules", "expected an array of {\"rule\", \"reason\"}");
    e.failedRules = failedRulesFromJson(*f);
  }
  return e;
}

}  // namespace

RegistryBundle RegistryBundle::parse(const std::string& bytes, const std::string& label, const std::string& now,
                                     const std::string& actor) {
  const BundleReader in(label);
  const json doc = parseJsonText(bytes, label);
  if (!doc.is_object()) in.fail("", "expected a JSON object (a foresight registry bundle)");
  if (const auto s = in.optionalText(doc, "schema", "", ""); s != kSchema)
    in.fail("schema", std::string("expected \"") + kSchema + "\"", s);

  RegistryBundle b;
  const json& model = in.object(doc, "model", "");
  b.name = in.text(model, "name", "model.");
  in.validName("model name", b.name, "model.name");
  b.description = in.optionalText(model, "description", "model.", "");
  b.createdAt = in.optionalText(model, "created_at", "model.", now);
  b.createdBy = in.optionalText(model, "created_by", "model.", actor);
  b.tags = in.tags(model, "model.");
  b.lastVersion = in.optionalInt(model, "last_version", "model.").value_or(0);
  b.source = in.optionalText(doc, "source", "", "?");
  b.exportedAt = in.optionalText(doc, "exported_at", "", "?");

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
    Alias a{in.text(aliases[i], "alias", path), in.integer(aliases[i], "version", path),
            in.optionalText(aliases[i], "updated_at", path, now), in.optionalText(aliases[i], "updated_by", path, actor)};
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
  return b;
}

}  // namespace foresight::registry
