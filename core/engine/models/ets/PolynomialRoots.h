// Whether a real polynomial's roots all lie within a disc, without finding
// them: the Schur-Cohn recursion, O(d^2) and allocation-free for d <= 64.
#pragma once

namespace foresight {

// True when every root of c[0] + c[1] z + ... + c[d] z^d has modulus below
// `radius`; false when c[d] == 0 or d > 64.
bool polynomialRootsWithin(const double* c, int degree, double radius);

}  // namespace foresight
