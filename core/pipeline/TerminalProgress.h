// A progress sink that draws a one-line bar on a terminal's stderr:
// "[#########...........]  45% reading AdventureWorks_Sales_2016.csv".
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
};

}  // namespace foresight::pipeline
