#include "engine/sample/SampleCsvWriter.h"

#include <cerrno>
#include <cstdio>   // std::fopen, std::fwrite
#include <cstring>  // std::strerror

#include "engine/common/Errors.h"

namespace foresight {

SampleCsvWriter::SampleCsvWriter(std::filesystem::path path, std::string_view header)
    : path_(std::move(path)) {
  text_.append(header);
  text_.append("\r\n");
}

void SampleCsvWriter::row(std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (const auto field : fields) {
    if (!first) text_.push_back(',');
    first = false;
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
      text_.append(field);
      continue;
    }
    text_.push_back('"');
    for (const char c : field) {
      if (c == '"') text_.push_back('"');
      text_.push_back(c);
    }
    text_.push_back('"');
  }
  text_.append("\r\n");
  ++rows_;
}

std::size_t SampleCsvWriter::save() const {
  writeFile(path_, text_);
  return text_.size();
}

void SampleCsvWriter::writeFile(const std::filesystem::path& path, std::string_view text) {
  const std::string name = path.string();
  // C stdio rather than iostreams: errno then says why a write failed.
  std::FILE* file = std::fopen(name.c_str(), "wb");
  if (!file)
    throw InputError({name, 0, "", ""}, std::string("cannot create file: ") + std::strerror(errno));
  errno = 0;
  const std::size_t written = std::fwrite(text.data(), 1, text.size(), file);
  const int writeErrno = errno;
  const bool closed = std::fclose(file) == 0;
  if (written != text.size() || !closed) {
    const int why = writeErrno != 0 ? writeErrno : errno;
    throw InputError({name, 0, "", ""}, std::string("cannot write file: ") +
                                            (why != 0 ? std::strerror(why) : "short write"));
  }
}

}  // namespace foresight
