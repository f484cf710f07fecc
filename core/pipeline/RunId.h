// The id of one pipeline run or export, written into every Power BI row and
// registry tag: the CI system's run id when there is one, else a UTC
// timestamp, so rows can be traced back to the build that produced them.
#pragma once

#include <string>

namespace foresight::pipeline {

// GITHUB_RUN_ID (with GITHUB_RUN_ATTEMPT), BUILD_BUILDID, CI_PIPELINE_ID,
// else "local-YYYYMMDDTHHMMSSZ".
std::string makeRunId();

}  // namespace foresight::pipeline
