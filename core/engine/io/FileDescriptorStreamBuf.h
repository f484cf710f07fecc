// A std::streambuf over a POSIX file descriptor that keeps the system's
// reason for the first failed write (errno), so a full disk is reported as
// "No space left on device" and not as a bare stream failure, and that can
// fsync what it wrote. The descriptor is owned: close() or the destructor
// closes it.
#pragma once

#include <array>
#include <streambuf>

namespace foresight {

class FileDescriptorStreamBuf : public std::streambuf {
 public:
  FileDescriptorStreamBuf() = default;
  ~FileDescriptorStreamBuf() override;
  FileDescriptorStreamBuf(const FileDescriptorStreamBuf&) = delete;
  FileDescriptorStreamBuf& operator=(const FileDescriptorStreamBuf&) = delete;

  // Takes ownership of an open descriptor.
  void attach(int fd);
  bool isOpen() const { return fd_ >= 0; }
  // Writes out the buffer and fsyncs; false with error() set on failure.
  bool syncToDisk();
  // Closes the descriptor; false with error() set when close() reported one.
  bool close();
  // errno of the first failure, 0 when none.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* data, std::streamsize count) override;
  int sync() override;

 private:
  bool writeAll(const char* data, std::size_t size);
  bool flushBuffer();

  int fd_ = -1;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace foresight
