// What a front end does with rows a loader rejected: stop (the default,
// so that no row is dropped without the user knowing) or skip them and go
// on, listing them as warnings.
#pragma once

#include <optional>
#include <string_view>

namespace foresight {

enum class BadRowPolicy { Stop, Skip };

std::string_view badRowPolicyName(BadRowPolicy p);  // "stop", "skip"
std::optional<BadRowPolicy> parseBadRowPolicy(std::string_view name);

}  // namespace foresight
