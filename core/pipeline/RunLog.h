// A pipeline run's log: every line goes to run.log (with a UTC timestamp,
// flushed at once so a crashed run leaves its trail) and to the caller's sink.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace foresight::pipeline {

class RunLog {
 public:
  using Sink = std::function<void(const std::string&)>;
  // InputError naming the file when it cannot be written.
  RunLog(const std::filesystem::path& file, Sink sink);
  void operator()(const std::string& line);

 private:
  std::ofstream out_;
  Sink sink_;
};

}  // namespace foresight::pipeline
