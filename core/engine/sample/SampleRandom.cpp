#include "engine/sample/SampleRandom.h"

namespace foresight {

namespace {
std::uint64_t splitMix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}
}  // namespace

SampleRandom::SampleRandom(std::uint64_t seed) {
  // splitmix64 spreads any seed (0 included) into a non-zero xoshiro state.
  std::uint64_t x = seed;
  for (auto& s : state_) s = splitMix64(x);
}

std::uint64_t SampleRandom::next() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

std::uint64_t SampleRandom::below(std::uint64_t bound) {
  // Largest multiple of bound that fits; draws past it would favour small values.
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
  std::uint64_t x = next();
  while (x >= limit) x = next();
  return x % bound;
}

std::int64_t SampleRandom::between(std::int64_t lo, std::int64_t hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(below(span));
}

bool SampleRandom::chance(std::int64_t permille) {
  return static_cast<std::int64_t>(below(1000)) < permille;
}

std::int64_t SampleRandom::noisePermille(std::int64_t sdPermille) {
  // Sum of four uniforms on [0, 3464]: mean 6928, standard deviation 2000.
  std::int64_t sum = 0;
  for (int i = 0; i < 4; ++i) sum += static_cast<std::int64_t>(below(3465));
  return (sum - 6928) * sdPermille / 2000;
}

}  // namespace foresight
