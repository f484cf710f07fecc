#include "pipeline/TerminalProgress.h"

#include <algorithm>
#include <ostream>
#include <string>

namespace foresight::pipeline {

ProgressSink TerminalProgress::sink(std::ostream& err, bool isTerminal) {
  if (!isTerminal) return [](double, std::string_view) {};
  return [&err](double fraction, std::string_view step) {
    constexpr int kWidth = 30;
    const double f = std::clamp(fraction, 0.0, 1.0);
    if (f >= 1.0) {
      err << "\r" << std::string(100, ' ') << "\r" << std::flush;
      return;
    }
    const int filled = static_cast<int>(f * kWidth);
    // Steps often carry a path; the file name is what fits on a line.
    std::string label(step);
    if (const auto slash = label.rfind('/'); slash != std::string::npos) {
      const auto space = label.rfind(' ', slash);
      label = (space == std::string::npos ? "" : label.substr(0, space + 1)) + label.substr(slash + 1);
    }
    label = label.substr(0, 60);
    err << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
        << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << static_cast<int>(f * 100)
        << "% " << label << std::string(60 - label.size(), ' ') << std::flush;
  };
}

ProgressSink TerminalProgress::lines(std::ostream& err) {
  return [&err, last = -1](double fraction, std::string_view step) mutable {
    const int percent = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100);
    if (percent == last) return;
    last = percent;
    err << "progress: " << percent << "% " << step << "\n" << std::flush;
  };
}

}  // namespace foresight::pipeline
