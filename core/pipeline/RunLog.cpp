#include "pipeline/RunLog.h"

#include <cerrno>
#include <cstring>  // std::strerror

#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"  // utcTimestamp

namespace foresight::pipeline {

RunLog::RunLog(const std::filesystem::path& file, Sink sink) : out_(file, std::ios::trunc), sink_(std::move(sink)) {
  if (!out_)
    throw InputError(InputLocation{file.string(), 0, "", ""}, std::string("cannot write the run log: ") + std::strerror(errno));
}

// Best effort by design: the log records failures (a full disk among them),
// so a line that cannot be written must not replace the error it reports.
void RunLog::operator()(const std::string& line) {
  out_ << utcTimestamp() << " " << line << "\n";
  out_.flush();
  if (sink_) sink_(line);
}

}  // namespace foresight::pipeline
