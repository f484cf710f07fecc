// Exact decimal amounts for money: an integer count of 1e-6 units, so that
// totals over tens of thousands of lines are exact to the cent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foresight {

class Decimal {
 public:
  static constexpr std::int64_t kScale = 1'000'000;  // 6 decimal places

  constexpr Decimal() = default;
  static constexpr Decimal fromUnits(std::int64_t units) { return Decimal(units); }
  static Decimal fromInteger(std::int64_t v) { return Decimal(v * kScale); }
  // Parses "-1234.5678", "201.0400", ".00", "1e3" is refused. More than 6
  // decimals are rounded half away from zero. nullopt when not a number or
  // out of range (|v| > 9.2e12).
  static std::optional<Decimal> parse(std::string_view text);

  constexpr std::int64_t units() const { return units_; }
  double toDouble() const { return static_cast<double>(units_) / static_cast<double>(kScale); }
  // Exact product with an integer quantity; throws std::overflow_error on overflow.
  Decimal times(std::int64_t quantity) const;
  Decimal operator+(Decimal o) const;  // throws std::overflow_error on overflow
  Decimal& operator+=(Decimal o) { return *this = *this + o; }
  // Plain text with up to 6 decimals, trailing zeros trimmed ("1234.5", "-0.25", "7").
  std::string toString() const;

  friend constexpr bool operator==(Decimal a, Decimal b) = default;
  friend constexpr auto operator<=>(Decimal a, Decimal b) = default;

 private:
  constexpr explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace foresight
