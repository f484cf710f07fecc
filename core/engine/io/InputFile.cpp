#include "engine/io/InputFile.h"

#include <poll.h>
#include <unistd.h>  // ::read

#include <algorithm>  // std::count
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>  // std::fopen, std::fread
#include <cstdlib>  // std::getenv
#include <cstring>  // std::strlen, std::memchr
#include <memory>
#include <system_error>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

InputLocation at(const std::filesystem::path& path) { return InputLocation{path.string(), 0, "", ""}; }

std::string systemReason(int error) { return std::generic_category().message(error); }

std::atomic<bool> inputReadsInterrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "interruptInputReads must be async-signal-safe");
std::atomic<StandardInputNotice> standardInputNotice{nullptr};

// Text must not hold a NUL in its first chunk: refuse the input naming the line.
void refuseBinary(const char* chunk, std::size_t got, const std::filesystem::path& label) {
  const void* nul = std::memchr(chunk, '\0', got);
  if (!nul) return;
  const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - chunk);
  InputLocation where = at(label);
  where.line = 1 + static_cast<std::size_t>(std::count(chunk, chunk + offset, '\n'));
  throw InputError(where, "binary content, not text: a NUL byte at byte offset " + std::to_string(offset) +
                              " (text files must be UTF-8)");
}

std::string readStandardInput() {
  const std::uint64_t limit = maxInputBytes();
  const std::filesystem::path label = kStandardInputLabel;
  if (const StandardInputNotice notice = standardInputNotice.load()) notice();
  std::string data;
  char chunk[1 << 16];
  bool first = true;
  for (;;) {
    // Wait in short steps, so an interrupt ends a read no writer will ever
    // satisfy (the signal handler itself only sets a flag).
    if (inputReadsInterrupted.load()) throw CancelledError();
    pollfd in{STDIN_FILENO, POLLIN, 0};
    const int ready = ::poll(&in, 1, 100);
    if (ready < 0 && errno != EINTR) throw InputError(at(label), "cannot read standard input: " + systemReason(errno));
    if (ready <= 0) continue;
    const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      throw InputError(at(label), "cannot read standard input: " + systemReason(errno));
    }
    if (got == 0) break;
    if (first) refuseBinary(chunk, static_cast<std::size_t>(got), label);
    first = false;
    if (data.size() + static_cast<std::size_t>(got) > limit)
      throw InputError(at(label), "is longer than the input limit of " + std::to_string(limit) +
                                      " bytes (FORESIGHT_MAX_INPUT_BYTES)");
    data.append(chunk, static_cast<std::size_t>(got));
  }
  return data;
}

}  // namespace

bool isStandardInput(const std::filesystem::path& path) { return path == kStandardInputPath; }

void interruptInputReads() { inputReadsInterrupted.store(true); }

void setStandardInputNotice(StandardInputNotice notice) { standardInputNotice.store(notice); }

std::uint64_t maxInputBytes() {
  const char* text = std::getenv("FORESIGHT_MAX_INPUT_BYTES");
  if (!text) return kDefaultMaxInputBytes;
  std::uint64_t value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || value == 0)
    throw InputError(InputLocation{"FORESIGHT_MAX_INPUT_BYTES", 0, "", quoteForMessage(text)},
                     "expected a whole number of bytes greater than 0, got " + quoteForMessage(text));
  return value;
}

std::uint64_t requireRegularFile(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) throw InputError(at(path), "file not found");
  if (ec) throw InputError(at(path), "cannot access the file: " + ec.message());
  switch (st.type()) {
    case fs::file_type::regular: break;
    case fs::file_type::directory: throw InputError(at(path), "is a folder, not a file");
    case fs::file_type::fifo:
      throw InputError(at(path), "is a FIFO (named pipe), not a regular file: save the data to a file first");
    case fs::file_type::character:
    case fs::file_type::block: throw InputError(at(path), "is a device, not a regular file");
    case fs::file_type::socket: throw InputError(at(path), "is a socket, not a regular file");
    default: throw InputError(at(path), "is not a regular file");
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw InputError(at(path), "cannot access the file: " + ec.message());
  return size;
}

std::string readInputText(const std::filesystem::path& path) {
  if (isStandardInput(path)) return readStandardInput();
  const std::uint64_t size = requireRegularFile(path);
  const std::uint64_t limit = maxInputBytes();
  if (size > limit)
    throw InputError(at(path), "is " + std::to_string(size) + " bytes, over the input limit of " +
                                   std::to_string(limit) + " bytes (FORESIGHT_MAX_INPUT_BYTES)");
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError(at(path), "cannot open the file: " + systemReason(errno));
  std::string data;
  char chunk[1 << 16];
  std::size_t got = 0;
  bool first = true;
  while ((got = std::fread(chunk, 1, sizeof chunk, file.get())) > 0) {
    if (first) {
      refuseBinary(chunk, got, path);
      first = false;
      data.reserve(static_cast<std::size_t>(size));  // after the check: a refused file costs nothing
    }
    // The file may have grown since it was measured.
    if (data.size() + got > limit)
      throw InputError(at(path), "grew past the input limit of " + std::to_string(limit) +
                                     " bytes (FORESIGHT_MAX_INPUT_BYTES) while it was read");
    data.append(chunk, got);
  }
  if (std::ferror(file.get())) throw InputError(at(path), "cannot read the file: " + systemReason(errno));
  return data;
}

}  // namespace foresight
