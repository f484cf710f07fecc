#include "ui/session/SelectSeriesCommand.h"

#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

SelectSeriesCommand::SelectSeriesCommand(WorkbenchSession& session, int from, int to,
                                         const QString& name)
    : QUndoCommand(QStringLiteral("Select series %1").arg(name)), session_(session), from_(from), to_(to) {}

void SelectSeriesCommand::undo() { session_.applySelection(from_); }
void SelectSeriesCommand::redo() { session_.applySelection(to_); }

bool SelectSeriesCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const SelectSeriesCommand*>(other);
  if (&next->session_ != &session_) return false;
  to_ = next->to_;
  setText(next->text());
  return true;
}

}  // namespace foresight::ui
