#include "engine/io/AtomicFileWriter.h"

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
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) fail(target_, std::string("cannot open the file for writing: ") + std::strerror(errno));
}

AtomicFileWriter::~AtomicFileWriter() {
  if (committed_) return;
  if (out_.is_open()) out_.close();
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

void AtomicFileWriter::commit() {
  checkCancelled();
  out_.flush();
  if (!out_) fail(target_, "writing failed (disk full?)");
  out_.close();
  if (out_.fail()) fail(target_, "writing failed when closing the file (disk full?)");
  checkCancelled();  // the last moment the run can still leave nothing behind
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) fail(target_, "cannot replace the file: " + ec.message());
  committed_ = true;
}

void AtomicFileWriter::write(const std::filesystem::path& target, std::string_view bytes,
                             const CancellationToken* cancel) {
  AtomicFileWriter file(target, cancel);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

}  // namespace foresight
