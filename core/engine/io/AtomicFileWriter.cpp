#include "engine/io/AtomicFileWriter.h"

#include <fcntl.h>   // ::open
#include <unistd.h>  // ::fsync, ::close

#include <cerrno>
#include <cstring>  // std::strerror
#include <random>
#include <string>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

// A name nobody else picks: another process writing the same target at the
// same time gets its own temporary file, and the last rename wins whole.
std::filesystem::path temporaryFor(const std::filesystem::path& target) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::string suffix;
  for (int i = 0; i < 12; ++i) suffix += kHex[device() % 16];
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  return folder / ("." + target.filename().string() + ".tmp-" + suffix);
}

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& why) {
  throw InputError(InputLocation{target.string(), 0, "", ""}, why);
}

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::filesystem::path target, const CancellationToken* cancel)
    : target_(std::move(target)), temp_(temporaryFor(target_)), cancel_(cancel) {
  if (target_.filename().empty()) fail(target_, "cannot open the file for writing: the path names a folder");
  std::error_code ec;
  if (std::filesystem::is_directory(target_, ec)) fail(target_, "cannot open the file for writing: it is a folder");
  // O_EXCL: never follow or reuse something planted under the temporary name.
  const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) fail(target_, std::string("cannot open the file for writing: ") + std::strerror(errno));
  buffer_.attach(fd);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (committed_) return;
  buffer_.close();
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

void AtomicFileWriter::commit() {
  checkCancelled();
  out_.flush();
  const auto failed = [&](const char* step) {
    fail(target_, std::string(step) + ": " + std::strerror(buffer_.error() ? buffer_.error() : EIO));
  };
  if (!out_ || buffer_.error()) failed("cannot write the file");
  if (!buffer_.syncToDisk()) failed("cannot write the file (sync to disk)");
  if (!buffer_.close()) failed("cannot write the file (close)");
  checkCancelled();  // the last moment the run can still leave nothing behind
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) fail(target_, "cannot replace the file: " + ec.message());
  committed_ = true;
  // The rename itself lasts through a power cut only once the folder is synced.
  const std::filesystem::path folder = target_.has_parent_path() ? target_.parent_path() : ".";
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void AtomicFileWriter::write(const std::filesystem::path& target, std::string_view bytes,
                             const CancellationToken* cancel) {
  AtomicFileWriter file(target, cancel);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

}  // namespace foresight
