#include "ui/session/SessionEditCommand.h"

#include <utility>

namespace foresight::ui {

SessionEditCommand::SessionEditCommand(WorkbenchSession& session, const QString& text,
                                       WorkbenchSession::Snapshot before,
                                       WorkbenchSession::Snapshot after)
    : QUndoCommand(text), session_(session), before_(std::move(before)), after_(std::move(after)) {}

void SessionEditCommand::undo() { session_.restore(before_); }
void SessionEditCommand::redo() { session_.restore(after_); }

}  // namespace foresight::ui
