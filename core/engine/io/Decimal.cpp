#include "engine/io/Decimal.h"

#include <stdexcept>  // std::overflow_error

#include "engine/common/Text.h"

namespace foresight {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Appends one digit to a magnitude in units; false on int64 overflow.
bool pushDigit(std::int64_t& acc, std::int64_t weight, char digit) {
  std::int64_t term = 0;
  if (__builtin_mul_overflow(static_cast<std::int64_t>(digit - '0'), weight, &term)) return false;
  return !__builtin_add_overflow(acc, term, &acc);
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::string_view t = trimBlanks(text);
  bool negative = false;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    negative = t.front() == '-';
    t.remove_prefix(1);
  }
  const std::size_t dot = t.find('.');
  const std::string_view whole = t.substr(0, dot);
  const std::string_view frac =
      dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
  if (whole.empty() && frac.empty()) return std::nullopt;  // "", "-", "."
  // Only digits: this refuses "1e3", "1,234.50" (a thousands separator or a
  // decimal comma cannot be told apart) and a second '.'.
  for (char c : whole)
    if (!isDigit(c)) return std::nullopt;
  for (char c : frac)
    if (!isDigit(c)) return std::nullopt;

  std::int64_t units = 0;
  for (char c : whole) {
    if (__builtin_mul_overflow(units, std::int64_t{10}, &units)) return std::nullopt;
    if (!pushDigit(units, kScale, c)) return std::nullopt;
  }
  std::int64_t weight = kScale;
  for (std::size_t i = 0; i < frac.size() && weight > 1; ++i) {
    weight /= 10;
    if (!pushDigit(units, weight, frac[i])) return std::nullopt;
  }
  // Half away from zero: only the first dropped digit decides.
  if (frac.size() > 6 && frac[6] >= '5' && __builtin_add_overflow(units, std::int64_t{1}, &units))
    return std::nullopt;
  return Decimal(negative ? -units : units);
}

Decimal Decimal::times(std::int64_t quantity) const {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(units_, quantity, &out))
    throw std::overflow_error("decimal overflow: " + toString() + " x " + std::to_string(quantity));
  return Decimal(out);
}

Decimal Decimal::operator+(Decimal o) const {
  std::int64_t out = 0;
  if (__builtin_add_overflow(units_, o.units_, &out))
    throw std::overflow_error("decimal overflow: " + toString() + " + " + o.toString());
  return Decimal(out);
}

std::string Decimal::toString() const {
  // Unsigned magnitude so that the most negative value prints too.
  const auto magnitude =
      units_ < 0 ? 0 - static_cast<std::uint64_t>(units_) : static_cast<std::uint64_t>(units_);
  const auto scale = static_cast<std::uint64_t>(kScale);
  std::string out = units_ < 0 ? "-" : "";
  out += std::to_string(magnitude / scale);
  std::uint64_t frac = magnitude % scale;
  if (frac == 0) return out;
  std::string digits = std::to_string(frac);
  digits.insert(0, 6 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

}  // namespace foresight
