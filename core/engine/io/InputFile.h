// The one rule for opening a file the user names as input (data files,
// pipeline configs, policies, model artifacts, bundles, key files):
//
// - it must be a regular file (symlinks followed). A folder, a FIFO, a device
//   or a socket is refused before anything is opened, so `fit --data
//   some.fifo` cannot block for ever and `data series /dev/zero` cannot grow
//   without bound; a symlink loop or a missing file says so;
// - it is read whole only up to a size limit: maxInputBytes(), 4 GiB unless
//   $FORESIGHT_MAX_INPUT_BYTES says otherwise (a whole number of bytes; an
//   invalid value is an error, never a silent default);
// - text inputs start with text: a NUL byte in the first 64 KiB refuses the
//   file as binary (naming its line) before the rest is read, so a 2 GB
//   sparse file is not read whole to find out.
//
// - "-" names standard input, where the user asks for it (`--data -`): read
//   with the same limit and NUL check, and interruptible: a read waiting for
//   a writer that never comes ends with CancelledError as soon as
//   interruptInputReads() is called (the CLI's SIGINT/SIGTERM handler does).
//   A file literally named "-" is "./-".
//
// Every refusal is an InputError naming the file and, for system errors,
// the system's reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace foresight {

// The limit in bytes: $FORESIGHT_MAX_INPUT_BYTES, else kDefaultMaxInputBytes.
std::uint64_t maxInputBytes();
inline constexpr std::uint64_t kDefaultMaxInputBytes = 4ull << 30;

// The name that means standard input, and what messages call it.
inline constexpr const char* kStandardInputPath = "-";
inline constexpr const char* kStandardInputLabel = "stdin";
bool isStandardInput(const std::filesystem::path& path);

// Ends every read of standard input, now or later, with CancelledError.
// Async-signal-safe (one atomic store): a signal handler may call it.
void interruptInputReads();

// Called once when a read of standard input begins, before it waits (the CLI
// tells a user at a terminal, or a log, that it is waiting for input). The
// process sets it once at start-up; null (the default) says nothing.
using StandardInputNotice = void (*)();
void setStandardInputNotice(StandardInputNotice notice);

// InputError unless `path` names a regular file; returns its size.
std::uint64_t requireRegularFile(const std::filesystem::path& path);

// The whole text file, after requireRegularFile and the limit; "-" reads
// standard input to its end under the same limit.
std::string readInputText(const std::filesystem::path& path);

}  // namespace foresight
