// Who and what produced a registry change: tool version, user, host, the
// command line, and the CI run and git commit when the environment has them.
#pragma once

#include <string>

namespace foresight::registry {

struct Lineage {
  std::string toolVersion;
  std::string user;
  std::string host;
  std::string commandLine;  // passwords in registry URIs replaced by ***
  std::string ciRunId;      // GITHUB_RUN_ID, BUILD_BUILDID, CI_PIPELINE_ID, ...
  std::string gitCommit;    // GITHUB_SHA, BUILD_SOURCEVERSION, CI_COMMIT_SHA, ...

  // "user@host", the actor written into the history.
  std::string actor() const;

  // Reads this process's environment and command line.
  static Lineage fromEnvironment();
};

}  // namespace foresight::registry
