#include "ui/window/WorkbenchPages.h"

// Pages are compiled in when their folder provides them.
#if __has_include("ui/models/ModelsPage.h")
#include "ui/models/ModelsPage.h"
#define FORESIGHT_HAVE_MODELS_PAGE 1
#endif
#if __has_include("ui/compare/ComparePage.h")
#include "ui/compare/ComparePage.h"
#define FORESIGHT_HAVE_COMPARE_PAGE 1
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
