// Sampling frequency of a series and the calendar arithmetic it implies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/common/Date.h"

namespace foresight {

enum class Frequency { Daily, Weekly, Monthly, Quarterly, Yearly };

// "D", "W", "M", "Q", "Y".
std::string_view frequencyCode(Frequency f);
std::optional<Frequency> parseFrequency(std::string_view code);
// The usual seasonal period: D 7, W 52, M 12, Q 4, Y 1.
int defaultSeasonalPeriod(Frequency f);
// The start of the period containing d (weeks start on Monday).
Date periodStart(Frequency f, Date d);
// Start of the period n steps after the one starting at start.
Date advancePeriod(Frequency f, Date start, int n);

}  // namespace foresight
