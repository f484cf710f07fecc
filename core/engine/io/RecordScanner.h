// Quote-aware tokenizer over delimited text held in memory: yields records as
// views into the text, tracking physical line numbers (embedded newlines
// count). Used by DelimitedReader; not a public API.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foresight::detail {

struct ScannedField {
  std::string_view text;          // content, without surrounding quotes
  bool hasDoubledQuotes = false;  // "" inside a quoted field: unescape before use

  std::string toString() const;  // the cell value, "" unescaped to "
};

struct ScannedRecord {
  std::size_t line = 0;              // physical line the record starts on
  std::size_t fieldCount = 0;        // every field, even those not stored
  std::vector<ScannedField> fields;  // the first `storedFieldLimit` fields
};

class RecordScanner {
 public:
  RecordScanner(std::string_view text, char delimiter, const std::string& source,
                std::size_t maxFieldBytes, std::size_t maxFieldCount);

  // Keeps at most n fields per record (counting continues): bounds memory on
  // absurdly wide lines and lets counting passes store nothing.
  void setStoredFieldLimit(std::size_t n) { storedLimit_ = n; }

  // Next record, skipping blank lines; false at the end of the text. Throws
  // InputError on an unterminated quote, text after a closing quote, a field
  // over maxFieldBytes or a record over maxFieldCount fields.
  bool next(ScannedRecord& out);

  // Lines skipped as blank so far (empty or only spaces).
  const std::vector<std::size_t>& blankLines() const { return blankLines_; }

 private:
  bool skipBlankLine();
  void consumeLineEnd();
  void scanQuoted(ScannedField& f, std::size_t fieldNumber);
  void scanUnquoted(ScannedField& f, std::size_t fieldNumber);
  bool isPadding(char c) const { return c != delimiter_ && (c == ' ' || c == '\t'); }
  [[noreturn]] void fail(std::size_t line, std::size_t fieldNumber, std::string_view value,
                         const std::string& problem) const;

  std::string_view text_;
  char delimiter_;
  const std::string& source_;
  std::size_t maxFieldBytes_;
  std::size_t maxFieldCount_;
  std::size_t storedLimit_ = static_cast<std::size_t>(-1);
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::array<bool, 256> endsUnquoted_{};  // delimiter, CR, LF
  std::vector<std::size_t> blankLines_;
};

}  // namespace foresight::detail
