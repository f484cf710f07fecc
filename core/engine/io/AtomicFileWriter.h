// Writes a file completely or not at all: the bytes go to a temporary file
// beside the target (same folder, so the rename cannot cross file systems)
// and replace the target only when commit() succeeds. Every file a command
// writes goes through here, so an interrupted or failed run leaves neither a
// partial file nor a temporary one behind.
#pragma once

#include <filesystem>
#include <fstream>
#include <string_view>

#include "engine/common/Cancellation.h"

namespace foresight {

class AtomicFileWriter {
 public:
  // Creates the temporary file; InputError naming `target` when it cannot
  // (missing folder, no permission).
  explicit AtomicFileWriter(std::filesystem::path target, const CancellationToken* cancel = nullptr);
  // Removes the temporary file unless commit() renamed it.
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  std::ostream& stream() { return out_; }
  // For long writers: CancelledError when the token was set (the
  // temporary file is removed by the destructor as the error unwinds).
  void checkCancelled() const {
    if (cancel_) cancel_->throwIfCancelled();
  }
  // Flushes and renames the temporary file over the target. Throws
  // CancelledError when the token was set (nothing is replaced then) and
  // InputError naming the target when writing or renaming failed.
  void commit();

  // The whole content at once.
  static void write(const std::filesystem::path& target, std::string_view bytes,
                    const CancellationToken* cancel = nullptr);

 private:
  std::filesystem::path target_, temp_;
  const CancellationToken* cancel_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace foresight
