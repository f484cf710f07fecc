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

// InputError unless `path` names a regular file; returns its size.
std::uint64_t requireRegularFile(const std::filesystem::path& path);

// The whole text file, after requireRegularFile and the limit.
std::string readInputText(const std::filesystem::path& path);

}  // namespace foresight
