#include "pipeline/RunLog.h"

#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"  // utcTimestamp

namespace foresight::pipeline {

RunLog::RunLog(const std::filesystem::path& file, Sink sink) : out_(file, std::ios::trunc), sink_(std::move(sink)) {
  if (!out_) throw InputError(InputLocation{file.string(), 0, "", ""}, "cannot write the run log");
}

void RunLog::operator()(const std::string& line) {
  out_ << utcTimestamp() << " " << line << "\n";
  out_.flush();
  if (sink_) sink_(line);
}

}  // namespace foresight::pipeline
