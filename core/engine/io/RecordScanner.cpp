#include "engine/io/RecordScanner.h"

#include <algorithm>  // std::min

#include "engine/common/Errors.h"

namespace foresight::detail {

std::string ScannedField::toString() const {
  if (!hasDoubledQuotes) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '"') ++i;  // the scanner guarantees quotes come in pairs here
  }
  return out;
}

RecordScanner::RecordScanner(std::string_view text, char delimiter, const std::string& source,
                             std::size_t maxFieldBytes, std::size_t maxFieldCount)
    : text_(text),
      delimiter_(delimiter),
      source_(source),
      maxFieldBytes_(maxFieldBytes),
      maxFieldCount_(maxFieldCount) {
  endsUnquoted_[static_cast<unsigned char>(delimiter)] = true;
  endsUnquoted_['\n'] = true;
  endsUnquoted_['\r'] = true;
}

void RecordScanner::fail(std::size_t line, std::size_t fieldNumber, std::string_view value,
                         const std::string& problem) const {
  const std::string field = fieldNumber > 0 ? "column " + std::to_string(fieldNumber) : "";
  throw InputError(InputLocation{source_, line, field, std::string(value.substr(0, 80))}, problem);
}

void RecordScanner::consumeLineEnd() {
  if (pos_ >= text_.size()) return;
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

bool RecordScanner::skipBlankLine() {
  std::size_t p = pos_;
  while (p < text_.size() && isPadding(text_[p])) ++p;
  if (p < text_.size() && text_[p] != '\n' && text_[p] != '\r') return false;
  if (p == text_.size() && p == pos_) return false;  // nothing left at all
  blankLines_.push_back(line_);
  pos_ = p;
  consumeLineEnd();
  return true;
}

bool RecordScanner::next(ScannedRecord& out) {
  while (pos_ < text_.size() && skipBlankLine()) {
  }
  if (pos_ >= text_.size()) return false;
  out.line = line_;
  out.fieldCount = 0;
  out.fields.clear();
  for (;;) {
    if (out.fieldCount == maxFieldCount_)
      fail(out.line, 0, "",
           "more than " + std::to_string(maxFieldCount_) +
               " fields on one line; is this really delimited text?");
    ScannedField f;
    // Spaces before an opening quote (`a, "b,c"`) are layout, not data.
    std::size_t p = pos_;
    while (p < text_.size() && isPadding(text_[p])) ++p;
    if (p < text_.size() && text_[p] == '"') pos_ = p;
    if (pos_ < text_.size() && text_[pos_] == '"')
      scanQuoted(f, out.fieldCount + 1);
    else
      scanUnquoted(f, out.fieldCount + 1);
    if (out.fieldCount < storedLimit_) out.fields.push_back(f);
    ++out.fieldCount;
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] != delimiter_) break;
    ++pos_;
  }
  consumeLineEnd();
  return true;
}

void RecordScanner::scanUnquoted(ScannedField& f, std::size_t fieldNumber) {
  const std::size_t start = pos_;
  // Never look further than one byte past the limit: a 10 MB line fails fast.
  const std::size_t stop = std::min(text_.size(), start + maxFieldBytes_ + 1);
  while (pos_ < stop && !endsUnquoted_[static_cast<unsigned char>(text_[pos_])]) ++pos_;
  if (pos_ - start > maxFieldBytes_)
    fail(line_, fieldNumber, text_.substr(start, 40),
         "field longer than " + std::to_string(maxFieldBytes_) +
             " bytes (maxFieldBytes); is this really delimited text?");
  f.text = text_.substr(start, pos_ - start);
}

void RecordScanner::scanQuoted(ScannedField& f, std::size_t fieldNumber) {
  const std::size_t openLine = line_;
  const std::size_t start = ++pos_;
  for (;;) {
    if (pos_ >= text_.size())
      fail(openLine, fieldNumber, text_.substr(start, 40),
           "unterminated quote: the quoted field opened on line " + std::to_string(openLine) +
               " is never closed");
    if (pos_ - start > maxFieldBytes_)
      fail(openLine, fieldNumber, text_.substr(start, 40),
           "quoted field opened on line " + std::to_string(openLine) + " is longer than " +
               std::to_string(maxFieldBytes_) + " bytes (maxFieldBytes); a missing closing quote?");
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        f.hasDoubledQuotes = true;
        pos_ += 2;
        continue;
      }
      break;
    }
    if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) ++line_;
    ++pos_;
  }
  f.text = text_.substr(start, pos_ - start);
  ++pos_;  // the closing quote
  // Spaces after the closing quote are harmless; anything else is ambiguous.
  while (pos_ < text_.size() && isPadding(text_[pos_])) ++pos_;
  if (pos_ < text_.size() && !endsUnquoted_[static_cast<unsigned char>(text_[pos_])]) {
    const std::size_t end = std::min(text_.size(), text_.find_first_of("\r\n", pos_));
    fail(line_, fieldNumber, text_.substr(pos_, std::min<std::size_t>(end - pos_, 40)),
         "text after the closing quote of a quoted field (quotes inside a quoted field must be "
         "doubled: \"\")");
  }
}

}  // namespace foresight::detail
