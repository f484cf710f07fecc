// Fuzzes DelimitedReader::readText (CSV/TSV/;/| with detection of the
// delimiter and the header). Oracle: the input is either refused with an
// InputError naming the source and a line inside the text, or the table it
// gives is well formed and round-trips: written back as RFC 4180 (every
// field quoted) and read with the delimiter and header it reported, it gives
// the same header and cells.
#include <cstdint>
#include <string>

#include "FuzzOracle.h"
#include "engine/common/Errors.h"
#include "engine/io/DelimitedReader.h"

using foresight::DelimitedReader;
using foresight::DelimitedReadOptions;
using foresight::DelimitedReadResult;
using foresight::InputError;
using foresight::fuzz::check;

namespace {

const std::string kSource = "fuzz.csv";

std::string quoted(const std::string& cell) {
  std::string out = "\"";
  for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string writeBack(const DelimitedReadResult& r) {
  std::string text;
  const auto writeRow = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? std::string(1, r.delimiter) : "") + quoted(cells[i]);
    text += "\n";
  };
  if (r.table.hadHeader) writeRow(r.table.header);
  for (const auto& row : r.table.rows) writeRow(row);
  return text;
}

void checkShape(const DelimitedReadResult& r, std::size_t lines) {
  const auto& t = r.table;
  check(t.source == kSource, "table names its source", t.source);
  check(!t.header.empty(), "a table has at least one column");
  check(t.rows.size() == t.lineNumbers.size(), "one line number per row");
  std::size_t previous = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    check(t.rows[i].size() == t.header.size(), "every row is as wide as the header",
          "row " + std::to_string(i) + " has " + std::to_string(t.rows[i].size()));
    check(t.lineNumbers[i] > previous && t.lineNumbers[i] <= lines, "row lines rise and lie inside the text",
          std::to_string(t.lineNumbers[i]) + " after " + std::to_string(previous) + " of " + std::to_string(lines));
    previous = t.lineNumbers[i];
  }
}

void readOnce(const std::string& text, const DelimitedReadOptions& opts) {
  DelimitedReadResult r;
  try {
    r = DelimitedReader::readText(text, kSource, opts);
  } catch (const InputError& e) {
    const auto& w = e.where();
    check(w.file == kSource, "InputError names the source", e.what());
    check(w.line >= 1 && w.line <= foresight::fuzz::physicalLines(text), "InputError names a line of the text",
          e.what());
    return;
  }
  checkShape(r, foresight::fuzz::physicalLines(text));

  const std::string again = writeBack(r);
  DelimitedReadOptions exact;
  exact.delimiter = r.delimiter;
  exact.hasHeader = r.table.hadHeader;
  DelimitedReadResult back;
  try {
    back = DelimitedReader::readText(again, kSource, exact);
  } catch (const InputError& e) {
    foresight::fuzz::violated("the table written back reads again", e.what());
  }
  check(back.table.header == r.table.header, "header round-trips");
  check(back.table.rows == r.table.rows, "cells round-trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  readOnce(text, DelimitedReadOptions{});
  DelimitedReadOptions ragged;
  ragged.tolerateRaggedRows = true;
  ragged.maxFieldBytes = 64;  // the limits are part of the contract too
  ragged.maxFieldCount = 32;
  readOnce(text, ragged);
  return 0;
}
