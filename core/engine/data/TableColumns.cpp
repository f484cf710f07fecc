#include "engine/data/TableColumns.h"

#include <charconv>  // std::from_chars

#include "engine/common/Errors.h"
#include "engine/common/Text.h"

namespace foresight {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

int TableColumns::find(const RawTable& table, std::string_view name) {
  for (std::size_t i = 0; i < table.header.size(); ++i)
    if (table.header[i] == name) return static_cast<int>(i);
  for (std::size_t i = 0; i < table.header.size(); ++i)
    if (equalsIgnoringCase(trimBlanks(table.header[i]), trimBlanks(name))) return static_cast<int>(i);
  return -1;
}

int TableColumns::findByNameOrNumber(const RawTable& table, std::string_view name) {
  if (const int i = find(table, name); i >= 0) return i;
  const std::string_view t = trimBlanks(name);
  std::size_t number = 0;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), number);
  if (ec == std::errc() && ptr == t.data() + t.size() && number >= 1 && number <= table.header.size())
    return static_cast<int>(number - 1);
  return -1;
}

std::size_t TableColumns::require(const RawTable& table, std::string_view name,
                                  const std::vector<std::string_view>& expected) {
  const int i = find(table, name);
  if (i >= 0) return static_cast<std::size_t>(i);
  throw InputError(InputLocation{table.source, 1, std::string(name), ""},
                   "missing column; expected the columns " + join(expected) + " but the header has " +
                       join(table.header));
}

std::string TableColumns::join(const std::vector<std::string_view>& names) {
  std::string s;
  for (const auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

std::string TableColumns::join(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "(nothing)" : s;
}

}  // namespace foresight
