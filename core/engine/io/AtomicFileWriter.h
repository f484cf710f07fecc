// Writes a file completely or not at all: the bytes go to a temporary file
// beside the target (same folder, so the rename cannot cross file systems),
// are synced to disk, and replace the target only when commit() succeeds;
// the folder is synced after the rename. Every file a command writes goes
// through here, so an interrupted or failed run leaves neither a partial file
// nor a temporary one behind, and a failure names the file and the system's
// reason ("No space left on device").
#pragma once

#include <filesystem>
#include <ostream>
#include <string_view>

#include "engine/common/Cancellation.h"
#include "engine/io/FileDescriptorStreamBuf.h"

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
  // Flushes, fsyncs and renames the temporary file over the target. Throws
  // CancelledError when the token was set (nothing is replaced then) and
  // InputError naming the target and the system's reason when writing,
  // syncing or renaming failed.
  void commit();

  // The whole content at once.
  static void write(const std::filesystem::path& target, std::string_view bytes,
                    const CancellationToken* cancel = nullptr);

 private:
  std::filesystem::path target_, temp_;
  const CancellationToken* cancel_;
  FileDescriptorStreamBuf buffer_;
  std::ostream out_{&buffer_};
  bool committed_ = false;
};

}  // namespace foresight
