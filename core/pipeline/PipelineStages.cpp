#include "pipeline/PipelineStages.h"

#include <cstdio>  // std::snprintf

namespace foresight::pipeline {

ProgressSink PipelineStages::begin(const std::string& name, double from, double to) {
  finish();
  if (options_.cancel) options_.cancel->throwIfCancelled();
  name_ = name;
  started_ = Clock::now();
  log_(name + ": started");
  if (options_.progress) options_.progress(from, name);
  return [this, from, to, name](double f, std::string_view step) {
    if (options_.progress) options_.progress(from + (to - from) * f, step.empty() ? std::string_view(name) : step);
  };
}

void PipelineStages::finish() {
  if (name_.empty()) return;
  const double s = std::chrono::duration<double>(Clock::now() - started_).count();
  record_.timings.emplace_back(name_, s);
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", s);
  log_(name_ + ": done in " + text + " s");
  name_.clear();
}

}  // namespace foresight::pipeline
