// A progress sink that draws a one-line bar on a terminal's stderr:
// "[#########...........]  45% reading AdventureWorks_Sales_2016.csv",
// or writes plain lines ("progress: 45% reading ...") for logs.
#pragma once

#include <iosfwd>

#include "engine/common/Cancellation.h"

namespace foresight::pipeline {

class TerminalProgress {
 public:
  // A sink drawing on `err` when `isTerminal`, else one that does nothing
  // (logs and pipes get no carriage-return noise). The bar line is cleared
  // when the fraction reaches 1.
  static ProgressSink sink(std::ostream& err, bool isTerminal);
  // One line per whole percent reached (and the first call): CI logs get
  // a record of how far a run came, and tests see that work has started.
  static ProgressSink lines(std::ostream& err);
};

}  // namespace foresight::pipeline
