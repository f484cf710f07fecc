// ModelRegistry: aliases, and the champion's compare-and-set moves.
#include <QSqlQuery>

#include "registry/ModelRegistry.h"
#include "registry/PolicyVerdict.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {

std::string describe(const std::optional<int>& v) {
  return v ? "version " + std::to_string(*v) : std::string("none (no champion)");
}

void refuseChampion(const std::string& alias, const std::string& verb) {
  if (alias == kChampion)
    throw InputError("the champion cannot be " + verb +
                         " directly: it moves only by 'foresight registry promote NAME VERSION "
                         "--expect CURRENT|none' (compare-and-set) or 'foresight registry rollback NAME'");
}

}  // namespace

void ModelRegistry::setAlias(const std::string& name, const std::string& alias, int version,
                             const std::string& reason) {
  requireValidName("model name", name);
  requireValidName("alias", alias);
  refuseChampion(alias, "set");
  db_->write([&] {
    const ModelRow model = requireModel(name, true);
    const VersionRow target = requireVersion(model, name, version);
    if (target.archived)
      throw InputError("model '" + name + "' version " + std::to_string(version) +
                           " is archived; restore it before pointing an alias at it");
    if (aliasTarget(model.id, alias) == version) return;  // already there: nothing to record
    moveAlias(model.id, alias, target, {"alias-set", "", {}, {}, reason, nullptr});
  });
}

void ModelRegistry::removeAlias(const std::string& name, const std::string& alias, const std::string& reason) {
  requireValidName("model name", name);
  requireValidName("alias", alias);
  refuseChampion(alias, "removed");
  db_->write([&] {
    const ModelRow model = requireModel(name, true);
    const std::optional<int> current = aliasTarget(model.id, alias);
    if (!current)
      throw InputError("model '" + name + "' has no alias '" + alias + "' in registry " + uri().redacted());
    db_->run(QStringLiteral("DELETE FROM aliases WHERE model_id = ? AND alias = ?"), {model.id, text(alias)});
    appendEvent(model.id, {"alias-remove", alias, current, std::nullopt, reason, nullptr});
  });
}

PromoteResult ModelRegistry::promote(const PromoteRequest& r) {
  requireValidName("model name", r.name);
  const std::vector<FailedRule> failed = PolicyVerdict::checkPromotion(r.name, r);
  return db_->write([&] {
    // Locking the model row makes read-compare-write one step: a concurrent
    // promotion waits here and then sees this one's result.
    const ModelRow model = requireModel(r.name, true);
    const VersionRow target = requireVersion(model, r.name, r.version);
    const std::optional<int> current = aliasTarget(model.id, kChampion);
    if (current != r.expected)
      throw RegistryConflictError("registry " + uri().redacted() + ": model '" + r.name +
                                  "': expected the champion to be " + describe(r.expected) + ", but it is " +
                                  describe(current) +
                                  "; someone else changed it first and nothing was changed (see "
                                  "'foresight registry history " + r.name + "', then decide again)");
    if (target.archived)
      throw InputError("model '" + r.name + "' version " + std::to_string(r.version) +
                           " is archived; restore it before promoting it");
    if (current == r.version)
      throw InputError("model '" + r.name + "' version " + std::to_string(r.version) +
                           " already is the champion");
    moveAlias(model.id, kChampion, target, {"promote", "", {}, {}, r.reason, r.comparison, r.override, failed});
    return PromoteResult{current, r.version};
  });
}

std::optional<int> ModelRegistry::rollbackTarget(const std::vector<HistoryEvent>& history, int current) {
  // Repeated rollbacks walk further back in time: each one unstacks the
  // promotion it undid.
  std::vector<int> stack;
  for (const HistoryEvent& e : history) {
    if (e.alias != kChampion || !e.toVersion) continue;
    if (e.action == "promote") stack.push_back(*e.toVersion);
    else if (e.action == "rollback" && !stack.empty()) stack.pop_back();
  }
  if (stack.size() < 2 || stack.back() != current) return std::nullopt;
  return stack[stack.size() - 2];
}

RollbackResult ModelRegistry::rollback(const std::string& name, const std::string& reason) {
  requireValidName("model name", name);
  return db_->write([&] {
    const ModelRow model = requireModel(name, true);
    const std::optional<int> current = aliasTarget(model.id, kChampion);
    if (!current)
      throw InputError("model '" + name + "' has no champion to roll back");
    const std::optional<int> back = rollbackTarget(readHistory(model.id, name), *current);
    if (!back)
      throw InputError("model '" + name + "': the history holds no earlier champion to go back to from version " +
                           std::to_string(*current) + "; promote a version explicitly");
    const int previous = *back;
    const VersionRow target = requireVersion(model, name, previous);
    if (target.archived)
      throw InputError("model '" + name + "': the previous champion, version " + std::to_string(previous) +
                           ", is archived; restore it first or promote another version");
    moveAlias(model.id, kChampion, target, {"rollback", "", {}, {}, reason, nullptr});
    return RollbackResult{*current, previous};
  });
}

}  // namespace foresight::registry
