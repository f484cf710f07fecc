#include "pipeline/RunId.h"

#include <cstdlib>  // std::getenv

#include "engine/models/ModelArtifact.h"  // utcTimestamp

namespace foresight::pipeline {

std::string makeRunId() {
  const auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
  if (const std::string gh = env("GITHUB_RUN_ID"); !gh.empty()) {
    const std::string attempt = env("GITHUB_RUN_ATTEMPT");
    return "gh-" + gh + (attempt.empty() ? "" : "." + attempt);
  }
  if (const std::string az = env("BUILD_BUILDID"); !az.empty()) return "az-" + az;
  if (const std::string gl = env("CI_PIPELINE_ID"); !gl.empty()) return "gl-" + gl;
  std::string stamp;
  for (char c : utcTimestamp())
    if (c != '-' && c != ':') stamp += c;
  return "local-" + stamp;
}

}  // namespace foresight::pipeline
