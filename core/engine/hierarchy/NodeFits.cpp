#include "engine/hierarchy/NodeFits.h"

#include <limits>
#include <vector>

#include "engine/common/Errors.h"
#include "engine/eval/TaskPool.h"
#include "engine/models/Distributions.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

NodeFits NodeFits::fit(const HierarchicalPanel& h, const ModelSpec& model, const ModelSpec& bottomModel,
                       Eigen::Index begin, Eigen::Index length, int steps, int threads, const std::string& where,
                       const CancellationToken* cancel, const std::function<void(std::size_t)>& onDone) {
  const int nodes = h.hierarchy.size();
  NodeFits out;
  out.forecast.resize(nodes, steps);
  out.sd.resize(nodes, steps);
  const double z = normalQuantile(0.975);
  out.residuals = Eigen::MatrixXd::Constant(nodes, length, std::numeric_limits<double>::quiet_NaN());
  std::vector<std::string> failures(static_cast<std::size_t>(nodes));
  TaskPool::run(
      static_cast<std::size_t>(nodes), threads,
      [&](std::size_t task) {
        const int node = static_cast<int>(task);
        const TimeSeries& s = h.panel.series[task];
        const TimeSeries train{s.name, s.frequency, s.dateAt(begin), s.values.segment(begin, length)};
        try {
          auto m = ModelFactory::create(node >= h.hierarchy.firstBottom() ? bottomModel : model);
          m->fit(train, cancel);
          const Forecast f = m->forecast(steps, {95.0});
          out.forecast.row(node) = f.mean.transpose();
          out.sd.row(node) = ((f.upper.col(0) - f.lower.col(0)) / (2 * z)).transpose();
          // fit() may drop leading missing values: the errors end at the
          // window's end.
          const Eigen::VectorXd r = m->residuals();
          out.residuals.row(node).tail(r.size()) = r.transpose();
        } catch (const CancelledError&) {
          throw;
        } catch (const std::exception& e) {
          failures[task] = where + ", '" + s.name + "': " + e.what();
        }
      },
      cancel, onDone);
  for (const auto& f : failures)
    if (!f.empty()) throw InputError("a base model could not be fitted (" + f + ")");
  return out;
}

}  // namespace foresight
