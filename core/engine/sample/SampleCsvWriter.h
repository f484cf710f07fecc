// Writes one CSV file of the sample the way the Adventure Works export is
// written: comma separated, CRLF line ends, quotes only where needed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

namespace foresight {

class SampleCsvWriter {
 public:
  // `header` is written verbatim as the first line.
  SampleCsvWriter(std::filesystem::path path, std::string_view header);

  // Appends one row; fields holding a comma, quote or line break are quoted
  // with inner quotes doubled (RFC 4180), as in AdventureWorks_Products.csv.
  void row(std::initializer_list<std::string_view> fields);
  std::size_t rows() const { return rows_; }

  // Writes the file in one go. Throws InputError naming the path when it
  // cannot be created or written (permissions, full disk, a folder there).
  // Returns the file's size in bytes.
  std::size_t save() const;

  // Writes `text` as the whole file, with the same error rules as save().
  static void writeFile(const std::filesystem::path& path, std::string_view text);

 private:
  std::filesystem::path path_;
  std::string text_;
  std::size_t rows_ = 0;
};

}  // namespace foresight
