#include <algorithm>  // std::min, std::stable_sort

#include "engine/models/arima/ArimaSearch.h"

namespace foresight::arima {

namespace {

// The state of forecast's stepwise loop: the current orders, the best fit,
// and the table of models tried (R's `results`). A candidate's variance
// check runs only when it would become the best (or, at the refit, when its
// rank matters): the search takes exactly R's path at a fraction of the
// Hessians.
class Stepwise {
 public:
  Stepwise(const ArimaCandidateFitter& fitter, const ArimaSearchSpace& space) : fitter_(fitter), space_(space) {}

  bool tried(int p, int q, int P, int Q, bool constant) const {
    for (const auto& c : out_.tried)
      if (c.order.p == p && c.order.q == q && c.order.P == P && c.order.Q == Q && c.constant == constant) return true;
    return false;
  }

  // Fits and records a candidate; true (and the orders move there) when it
  // beats the best so far.
  bool consider(int p, int q, int P, int Q, bool constant, bool moveConstant) {
    ArimaCandidate c = fitter_.fit(p, q, P, Q, constant, space_.approximation);
    const bool better = c.score < out_.best.score && (c.check(), c.score < out_.best.score);
    out_.tried.push_back(c.record());
    if (!better) return false;
    out_.best = std::move(c);
    p_ = p;
    q_ = q;
    P_ = P;
    Q_ = Q;
    if (moveConstant) constant_ = constant;
    return true;
  }

  // One neighbourhood move: true when it improved (R's `next`).
  bool move(bool allowed, int p, int q, int P, int Q, bool constant) {
    if (!allowed || tried(p, q, P, Q, constant)) return false;
    ++k_;
    if (k_ > space_.maxModels) return true;  // R's `next`: the while condition then ends the search
    return consider(p, q, P, Q, constant, true);
  }

  ArimaSearchOutcome run(int period, Eigen::Index n) {
    const ArimaSearchSpace& s = space_;
    int startP = s.startP, startQ = s.startQ, startSP = s.startSeasonalP, startSQ = s.startSeasonalQ;
    if (n < 10) {
      startP = std::min(startP, 1);
      startQ = std::min(startQ, 1);
      startSP = startSQ = 0;
    }
    p_ = std::min(startP, s.maxP);
    q_ = std::min(startQ, s.maxQ);
    P_ = std::min(startSP, s.maxSeasonalP);
    Q_ = std::min(startSQ, s.maxSeasonalQ);
    constant_ = s.allowDrift || s.allowMean;

    out_.best = fitter_.fit(p_, q_, P_, Q_, constant_, s.approximation);
    out_.best.check();
    out_.tried.push_back(out_.best.record());
    // R moves the orders to the better of these starts but keeps `constant`.
    consider(0, 0, 0, 0, constant_, false);
    k_ = 2;
    const bool seasonal = period > 1;
    if (s.maxP > 0 || s.maxSeasonalP > 0) {
      consider(s.maxP > 0 ? 1 : 0, 0, seasonal && s.maxSeasonalP > 0 ? 1 : 0, 0, constant_, false);
      ++k_;
    }
    if (s.maxQ > 0 || s.maxSeasonalQ > 0) {
      consider(0, s.maxQ > 0 ? 1 : 0, 0, seasonal && s.maxSeasonalQ > 0 ? 1 : 0, constant_, false);
      ++k_;
    }
    if (constant_) {
      consider(0, 0, 0, 0, false, false);
      ++k_;
    }

    int startk = 0;
    while (startk < k_ && k_ < s.maxModels) {
      startk = k_;
      const int p = p_, q = q_, P = P_, Q = Q_;
      const bool c = constant_;
      const int mp = s.maxP, mq = s.maxQ, mP = s.maxSeasonalP, mQ = s.maxSeasonalQ;
      // The neighbourhood in R's order; the first improvement restarts it.
      if (move(P > 0, p, q, P - 1, Q, c) || move(Q > 0, p, q, P, Q - 1, c) || move(P < mP, p, q, P + 1, Q, c) ||
          move(Q < mQ, p, q, P, Q + 1, c) || move(Q > 0 && P > 0, p, q, P - 1, Q - 1, c) ||
          move(Q < mQ && P > 0, p, q, P - 1, Q + 1, c) || move(Q > 0 && P < mP, p, q, P + 1, Q - 1, c) ||
          move(Q < mQ && P < mP, p, q, P + 1, Q + 1, c) || move(p > 0, p - 1, q, P, Q, c) ||
          move(q > 0, p, q - 1, P, Q, c) || move(p < mp, p + 1, q, P, Q, c) || move(q < mq, p, q + 1, P, Q, c) ||
          move(q > 0 && p > 0, p - 1, q - 1, P, Q, c) || move(q < mq && p > 0, p - 1, q + 1, P, Q, c) ||
          move(q > 0 && p < mp, p + 1, q - 1, P, Q, c) || move(q < mq && p < mp, p + 1, q + 1, P, Q, c))
        continue;
      if (s.allowDrift || s.allowMean) move(true, p, q, P, Q, !c);
    }
    out_.hitModelLimit = k_ > s.maxModels;
    if (s.approximation && out_.best.fit) refitWithoutApproximation();
    return out_;
  }

 private:
  // R refits the candidates in order of their (checked) approximate score
  // until one fits by maximum likelihood with a finite score. Pending checks
  // are settled on the way: a candidate that fails its check would sort
  // after every finite score, so it waits for the end (in table order).
  void refitWithoutApproximation() {
    std::vector<std::size_t> order(out_.tried.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return out_.tried[a].score < out_.tried[b].score; });
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i : order) {
      ArimaCandidate& t = out_.tried[i];
      if (!(t.score < inf)) break;
      t.check();
      if (t.score < inf && refit(t)) return;
    }
    for (const ArimaCandidate& t : out_.tried)  // the infinite ones, in table order
      if (!(t.score < inf) && refit(t)) return;
  }

  bool refit(const ArimaCandidate& t) {
    ArimaCandidate c = fitter_.fit(t.order.p, t.order.q, t.order.P, t.order.Q, t.constant, false);
    c.check();
    if (!(c.score < std::numeric_limits<double>::infinity())) return false;
    out_.best = std::move(c);
    return true;
  }

  const ArimaCandidateFitter& fitter_;
  const ArimaSearchSpace& space_;
  ArimaSearchOutcome out_;
  int p_ = 0, q_ = 0, P_ = 0, Q_ = 0, k_ = 0;
  bool constant_ = false;
};

}  // namespace

ArimaSearchOutcome stepwiseSearch(const ArimaCandidateFitter& fitter, const ArimaSearchSpace& space, int period,
                                  Eigen::Index n) {
  return Stepwise(fitter, space).run(period, n);
}

}  // namespace foresight::arima
