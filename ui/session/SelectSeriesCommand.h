// Undo command for choosing another series of the panel. Consecutive
// selections merge so that undo goes back to the series before browsing.
#pragma once

#include <QUndoCommand>

namespace foresight::ui {

class WorkbenchSession;

class SelectSeriesCommand : public QUndoCommand {
 public:
  SelectSeriesCommand(WorkbenchSession& session, int from, int to, const QString& name);
  void undo() override;
  void redo() override;
  int id() const override { return 1; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  WorkbenchSession& session_;
  int from_;
  int to_;
};

}  // namespace foresight::ui
