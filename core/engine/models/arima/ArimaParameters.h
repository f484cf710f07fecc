// Coefficient transformations of R's stats::arima: the partial
// autocorrelation map that keeps AR parts stationary during optimisation
// (partrans and its inverse and Jacobian), the expansion of seasonal
// polynomials (ARIMA_transPars), and the stationarity check and MA root
// flipping (arCheck, maInvert).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/models/arima/ArimaOrder.h"

namespace foresight::arima {

// Largest AR order the transformation handles (R's limit as well).
constexpr int kMaxTransformedOrder = 100;

// raw (unconstrained) -> coefficients of a stationary AR(p): tanh maps to
// partial autocorrelations, Durbin-Levinson to coefficients.
void arFromUnconstrained(int p, const double* raw, double* out);
// The inverse: AR(p) coefficients (stationary) -> unconstrained values.
void unconstrainedFromAr(int p, const double* phi, double* out);

// R's ARIMA_transPars: coefficient vector (ar, ma, sar, sma, ...) -> the
// expanded AR polynomial phi (order.arLength()) and MA polynomial theta
// (order.maLength()); `transform` applies arFromUnconstrained to both AR
// parts first. `scratch` holds at least order.narma() doubles.
void expandPolynomials(const ArimaOrder& order, const double* par, bool transform, double* scratch, double* phi,
                       double* theta);

// R's ARIMA_undoPars: par with both AR parts mapped by arFromUnconstrained.
std::vector<double> undoTransform(const ArimaOrder& order, const std::vector<double>& par);
// R's ARIMA_Invtrans: par with both AR parts mapped by unconstrainedFromAr.
std::vector<double> inverseTransform(const ArimaOrder& order, const std::vector<double>& par);
// R's ARIMA_Gradtrans: forward-difference Jacobian of undoTransform (n x n,
// identity outside the AR blocks).
Eigen::MatrixXd transformJacobian(const ArimaOrder& order, const std::vector<double>& par);

// R's arCheck: all roots of 1 - ar1 z - ... - arp z^p outside the unit circle.
bool arIsStationary(const double* ar, int p);
// R's maInvert: roots of 1 + ma1 z + ... inside the unit circle reflected
// outside (same autocorrelations, invertible).
std::vector<double> invertMa(const std::vector<double>& ma);

}  // namespace foresight::arima
