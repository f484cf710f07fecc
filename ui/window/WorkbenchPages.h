// The pages other parts of ui/ contribute to the main window (Models from
// ui/models, Compare from ui/compare, Hierarchy from ui/hierarchy), created
// in switcher order.
#pragma once

#include <QString>
#include <QWidget>
#include <vector>

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class WorkbenchPages {
 public:
  struct Page {
    QString name;
    QString tip;
    QWidget* page;
  };
  // Wires the pages to each other: the leaderboard's ranking becomes the
  // Compare page's challengers. (Registry changes travel through the
  // session's registryChanged.)
  static std::vector<Page> create(WorkbenchSession& session, JobRunner& jobs, QWidget* parent);
};

}  // namespace foresight::ui
