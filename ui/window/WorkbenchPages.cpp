#include "ui/window/WorkbenchPages.h"

// Pages are compiled in when their folder exists (ui/CMakeLists.txt).
#ifdef FORESIGHT_HAVE_MODELS_PAGE
#include "ui/models/ModelsPage.h"
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
#include "ui/compare/ComparePage.h"
#endif
#ifdef FORESIGHT_HAVE_HIERARCHY_PAGE
#include "ui/hierarchy/HierarchyPage.h"
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
#ifdef FORESIGHT_HAVE_HIERARCHY_PAGE
  // After Compare, so the existing pages keep their shortcuts (Ctrl+1 .. Ctrl+5).
  pages.push_back({QObject::tr("Hierarchy"),
                   QObject::tr("Reconcile a hierarchy: backtest the methods per level, forecast coherently"),
                   new HierarchyPage(session, jobs, parent)});
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
