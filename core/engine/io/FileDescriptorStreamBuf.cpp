#include "engine/io/FileDescriptorStreamBuf.h"

#include <unistd.h>

#include <cerrno>

namespace foresight {

FileDescriptorStreamBuf::~FileDescriptorStreamBuf() {
  if (fd_ >= 0) ::close(fd_);
}

void FileDescriptorStreamBuf::attach(int fd) {
  fd_ = fd;
  error_ = 0;
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool FileDescriptorStreamBuf::writeAll(const char* data, std::size_t size) {
  if (error_ != 0 || fd_ < 0) return false;
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool FileDescriptorStreamBuf::flushBuffer() {
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  const bool ok = writeAll(pbase(), pending);
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return ok;
}

FileDescriptorStreamBuf::int_type FileDescriptorStreamBuf::overflow(int_type ch) {
  if (!flushBuffer()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize FileDescriptorStreamBuf::xsputn(const char* data, std::streamsize count) {
  const auto room = static_cast<std::streamsize>(epptr() - pptr());
  if (count <= room) {
    traits_type::copy(pptr(), data, static_cast<std::size_t>(count));
    pbump(static_cast<int>(count));
    return count;
  }
  // Larger than the buffer's room: write what is buffered, then the data itself.
  if (!flushBuffer() || !writeAll(data, static_cast<std::size_t>(count))) return 0;
  return count;
}

int FileDescriptorStreamBuf::sync() { return flushBuffer() ? 0 : -1; }

bool FileDescriptorStreamBuf::syncToDisk() {
  if (!flushBuffer()) return false;
  while (::fsync(fd_) != 0) {
    if (errno == EINTR) continue;
    error_ = errno;
    return false;
  }
  return true;
}

bool FileDescriptorStreamBuf::close() {
  if (fd_ < 0) return error_ == 0;
  const bool flushed = flushBuffer();
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0 && error_ == 0) error_ = errno;
  return flushed && rc == 0;
}

}  // namespace foresight
