#include "ui/window/WorkbenchPages.h"

// Pages are compiled in when their folder exists (ui/CMakeLists.txt).
#ifdef FORESIGHT_HAVE_MODELS_PAGE
#include "ui/models/ModelsPage.h"
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
#include "ui/compare/ComparePage.h"
#endif

namespace foresight::ui {

std::vector<WorkbenchPages::Page> WorkbenchPages::create(WorkbenchSession& session, JobRunner& jobs, QWidget* parent) {
  std::vector<Page> pages;
#ifdef FORESIGHT_HAVE_MODELS_PAGE
  auto* models = new ModelsPage(session, jobs, parent);
  pages.push_back({QObject::tr("Models"), QObject::tr("Pick models, backtest them, read the leaderboard"), models});
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
  auto* compare = new ComparePage(session, jobs, parent);
  pages.push_back({QObject::tr("Compare"), QObject::tr("Champion against challenger; promote the winner"), compare});
#endif
#if defined(FORESIGHT_HAVE_MODELS_PAGE) && defined(FORESIGHT_HAVE_COMPARE_PAGE)
  QObject::connect(models, &ModelsPage::backtestFinished, compare, [models, compare](bool ok) {
    if (ok && !models->rankedSpecs().isEmpty()) compare->setChallengerSpecs(models->rankedSpecs());
  });
#endif
  (void)session;
  (void)jobs;
  return pages;
}

}  // namespace foresight::ui
