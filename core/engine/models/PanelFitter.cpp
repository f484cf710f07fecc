#include "engine/models/PanelFitter.h"

#include <algorithm>  // std::clamp
#include <atomic>
#include <mutex>
#include <system_error>
#include <thread>

#include "engine/models/ModelFactory.h"

namespace foresight {

std::vector<const Forecaster*> PanelFitResult::fitted() const {
  std::vector<const Forecaster*> out;
  for (const auto& m : models)
    if (m) out.push_back(m.get());
  return out;
}

PanelFitter::PanelFitter(ModelSpec spec, PanelFitOptions options) : spec_(std::move(spec)), options_(std::move(options)) {
  (void)ModelFactory::create(spec_);
}

PanelFitResult PanelFitter::fit(const Panel& panel) const {
  const std::size_t total = panel.series.size();
  PanelFitResult result;
  result.models.resize(total);
  std::vector<std::string> errors(total);  // per slot, so that threads never share one

  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex progressMutex;
  std::size_t done = 0;

  auto worker = [&] {
    for (;;) {
      if (options_.cancel && options_.cancel->isCancelled()) stop = true;
      if (stop) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= total) return;
      const TimeSeries& series = panel.series[i];
      try {
        auto model = ModelFactory::create(spec_);
        model->fit(series, options_.cancel);
        result.models[i] = std::move(model);
      } catch (const CancelledError&) {
        stop = true;  // not a failure of this series: the whole fit stops
        return;
      } catch (const std::exception& e) {
        errors[i] = e.what();
      } catch (...) {
        errors[i] = "unknown error";
      }
      if (errors[i].empty() && !result.models[i]) errors[i] = "unknown error";
      if (options_.progress) {
        const std::lock_guard lock(progressMutex);
        ++done;
        options_.progress(static_cast<double>(done) / static_cast<double>(total), series.name);
      }
    }
  };

  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const auto wanted = static_cast<std::size_t>(options_.threads > 0 ? static_cast<unsigned>(options_.threads) : hardware);
  const std::size_t threads = std::clamp<std::size_t>(wanted, 1, std::max<std::size_t>(total, 1));
  // The calling thread works too; if the system refuses more threads, the
  // ones that did start share the work.
  std::vector<std::thread> pool;
  try {
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  } catch (const std::system_error&) {
  }
  worker();
  for (auto& th : pool) th.join();
  if (stop) throw CancelledError();
  for (std::size_t i = 0; i < total; ++i)
    if (!errors[i].empty()) result.failures.push_back({panel.series[i].name, errors[i]});
  return result;
}

}  // namespace foresight
