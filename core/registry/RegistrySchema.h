// The registry's tables and their versions: creates a new registry, upgrades
// an older one inside one transaction, refuses one newer than this build.
#pragma once

namespace foresight::registry {

class RegistryConnection;

class RegistrySchema {
 public:
  // Version 1: models, versions, tags, aliases, history.
  // Version 2: archive flag on versions, comparison summary on history events,
  //            a per-model counter so deleted version numbers are never reused.
  // Version 3: overrides on history events (a promotion against the
  //            policy's KEEP) with the rules that failed.
  static constexpr int kCurrentVersion = 3;

  enum class Outcome { Current, Created, Upgraded };
  struct Result {
    Outcome outcome = Outcome::Current;
    int fromVersion = 0;  // 0 when created
    int toVersion = kCurrentVersion;
  };

  // Brings the registry to kCurrentVersion. A registry written by a newer
  // foresight is refused with an InputError naming it and both versions.
  static Result ensure(RegistryConnection& db);
  // The stored schema version; 0 when the database holds no registry.
  static int storedVersion(RegistryConnection& db);

 private:
  static void createVersion1(RegistryConnection& db);
  static void migrateTo(RegistryConnection& db, int version);
  static void refuseNewer(RegistryConnection& db, int stored);
};

}  // namespace foresight::registry
