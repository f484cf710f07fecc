// A small, fully specified random generator for the sample data: the same
// seed gives the same numbers on every compiler, library and CPU.
#pragma once

#include <cstdint>

namespace foresight {

// xoshiro256** (Blackman & Vigna) seeded through splitmix64. Only integer
// draws are offered: the standard library's distributions (and floating-point
// transforms through libm) are not guaranteed to agree across platforms, and
// the sample's promise is byte-identical files everywhere.
class SampleRandom {
 public:
  explicit SampleRandom(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, bound); bound > 0. Unbiased (rejects the short last block).
  std::uint64_t below(std::uint64_t bound);
  // Uniform in [lo, hi]; lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // True with probability permille / 1000.
  bool chance(std::int64_t permille);
  // Approximately normal noise in per-mille around 0 with the given standard
  // deviation (per-mille), from a sum of four uniforms (Irwin-Hall), so it is
  // bounded at about +-3.5 standard deviations.
  std::int64_t noisePermille(std::int64_t sdPermille);

 private:
  std::uint64_t state_[4];
};

}  // namespace foresight
