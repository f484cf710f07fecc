// Undo command for an edit of the session's panel: keeps the state before
// and after and swaps between them (panels are small enough to copy).
#pragma once

#include <QUndoCommand>

#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

class SessionEditCommand : public QUndoCommand {
 public:
  SessionEditCommand(WorkbenchSession& session, const QString& text,
                     WorkbenchSession::Snapshot before, WorkbenchSession::Snapshot after);
  void undo() override;
  void redo() override;

 private:
  WorkbenchSession& session_;
  WorkbenchSession::Snapshot before_;
  WorkbenchSession::Snapshot after_;
};

}  // namespace foresight::ui
