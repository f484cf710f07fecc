#include "engine/io/HeaderDetector.h"

#include <array>

#include "engine/common/Text.h"
#include "engine/io/DateParser.h"

namespace foresight::detail {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// Generous on purpose: 1,234.5 and 1.234,5 and 12% are numbers for telling a
// header from data, even where the value parsers later refuse them.
bool looksNumeric(std::string_view t) {
  std::size_t i = 0, digits = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  while (i < t.size() && (isDigit(t[i]) || t[i] == '.' || t[i] == ',')) digits += isDigit(t[i++]);
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const std::size_t expStart = i;
    while (i < t.size() && isDigit(t[i])) ++i;
    if (i == expStart) return false;
  }
  if (i < t.size() && t[i] == '%') ++i;
  return i == t.size();
}

bool looksLikeDate(std::string_view t) {
  for (DateFormat f : {DateFormat::Iso, DateFormat::DayMonthYear, DateFormat::MonthDayYear})
    if (DateParser::parse(t, f)) return true;
  return false;
}

bool isDataKind(CellKind k) {
  return k == CellKind::Number || k == CellKind::Date;
}

}  // namespace

CellKind HeaderDetector::classify(std::string_view cell) {
  const std::string_view t = trimBlanks(cell);
  static constexpr std::array<std::string_view, 9> kMissing = {"",     "na",   "n/a", "#n/a", "nan",
                                                               "null", "none", "-",   "?"};
  for (std::string_view m : kMissing)
    if (equalsIgnoringCase(t, m)) return CellKind::Missing;
  if (looksNumeric(t)) return CellKind::Number;
  if (looksLikeDate(t)) return CellKind::Date;
  return CellKind::Text;
}

bool HeaderDetector::firstIsHeader(const std::vector<ScannedRecord>& records) {
  if (records.empty()) return false;
  const auto& first = records.front().fields;
  bool allText = !first.empty();
  for (const ScannedField& f : first) allText = allText && classify(f.text) == CellKind::Text;
  if (records.size() == 1) return allText;

  bool dataBelow = false;  // some record below holds a number or a date
  for (std::size_t col = 0; col < first.size(); ++col) {
    const bool textOnTop = classify(first[col].text) == CellKind::Text;
    bool onlyDataBelow = true, sawData = false;
    for (std::size_t r = 1; r < records.size(); ++r) {
      if (col >= records[r].fields.size()) continue;
      const CellKind k = classify(records[r].fields[col].text);
      sawData = sawData || isDataKind(k);
      onlyDataBelow = onlyDataBelow && k != CellKind::Text;
    }
    if (textOnTop && onlyDataBelow && sawData) return true;
    dataBelow = dataBelow || sawData;
  }
  return allText && dataBelow;
}

}  // namespace foresight::detail
