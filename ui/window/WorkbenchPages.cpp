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
  pages.push_back({QObject::tr("Models"), QObject::tr("Pick models, backtest them, read the leaderboard"),
                   new ModelsPage(session, jobs, parent)});
#endif
#ifdef FORESIGHT_HAVE_COMPARE_PAGE
  pages.push_back({QObject::tr("Compare"), QObject::tr("Champion against challenger; promote the winner"),
                   new ComparePage(session, jobs, parent)});
#endif
  (void)session;
  (void)jobs;
  (void)parent;
  return pages;
}

}  // namespace foresight::ui
