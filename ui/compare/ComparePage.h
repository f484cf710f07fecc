// The Compare page: the registry's champion of a model against a challenger
// (a spec, or an entry of the Models page's leaderboard) on identical folds:
// forecasts side by side, metrics, per-fold bars, the Diebold-Mariano
// verdict and the promotion policy's decision in words; Promote fits,
// pushes and promotes with a compare-and-set of the champion.
#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "engine/eval/PromotionPolicy.h"
#include "ui/compare/CompareWork.h"
#include "ui/jobs/Job.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace foresight::ui {

class BacktestSettingsWidget;
class CompareMetricsModel;
class FoldBarChartView;
class ForecastChartView;
class JobRunner;
class PromoteDialog;
class WorkbenchSession;

class ComparePage : public QWidget {
  Q_OBJECT
 public:
  // `session` (series, registry URI) and `jobs` must outlive the page.
  ComparePage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);
  ~ComparePage() override;

  BacktestSettingsWidget* settings() const { return settings_; }
  const PromotionPolicy& policy() const { return policy_; }
  void setPolicy(const PromotionPolicy& policy) { policy_ = policy; }

  // The registered model whose champion is compared (typed or picked).
  void setModelName(const QString& name);
  QString modelName() const;
  // Challenger choices, e.g. the leaderboard's specs best first; the first is selected.
  void setChallengerSpecs(const QStringList& specs);
  void setChallengerSpec(const QString& spec);
  QString challengerSpec() const;

  // Reads the registry's models and the champion of modelName() in the
  // background; registryRefreshed() when done.
  void refreshRegistry();
  // The champion as last read (nullopt: none yet).
  std::optional<int> championVersion() const { return champion_.version; }
  const ChampionInfo& champion() const { return champion_; }

  // Compares in the background; false (reason in messageText()) when it
  // cannot start. comparisonFinished() when done.
  bool startCompare();
  void cancel();
  bool isBusy() const { return !job_.isNull(); }
  std::shared_ptr<const CompareOutcome> lastComparison() const { return outcome_; }

  // The confirmation Promote shows (not yet executed); null without a comparison.
  PromoteDialog* createPromoteDialog();
  // Promotes the last comparison's challenger with `reason` in the
  // background, skipping the dialog. promotionFinished() when done;
  // promoted() on success.
  bool promote(const QString& reason);

  QString verdictText() const;
  QString decisionText() const;
  // The last status, error or conflict message.
  QString messageText() const;
  CompareMetricsModel* metricsModel() const { return metrics_; }
  FoldBarChartView* foldChart() const { return bars_; }
  ForecastChartView* forecastChart() const { return chart_; }

 Q_SIGNALS:
  void registryRefreshed();
  void comparisonFinished(bool succeeded);
  void promotionFinished(bool succeeded);
  void promoted(const QString& name, int version);

 private:
  QWidget* buildResults();
  void requestPromotion();
  void showOutcome(std::shared_ptr<const CompareOutcome> outcome);
  void setMessage(const QString& text, bool problem);
  void updateButtons();
  // Runs `work` as the page's one job; `done` gets the outcome on the GUI thread.
  void runJob(const QString& title, JobWork work, std::function<void(const JobOutcome&)> done);

  WorkbenchSession& session_;
  JobRunner& jobs_;
  QPointer<Job> job_;
  PromotionPolicy policy_;
  ChampionInfo champion_;
  std::shared_ptr<const CompareOutcome> outcome_;
  TimeSeries comparedSeries_;  // what outcome_ was computed on (promote fits on it)

  QComboBox* model_;
  QLabel* championLabel_;
  QComboBox* challenger_;
  BacktestSettingsWidget* settings_;
  QPushButton* refreshButton_;
  QPushButton* compareButton_;
  QPushButton* cancelButton_;
  QPushButton* promoteButton_;
  QProgressBar* progress_;
  QLabel* message_;
  QLabel* verdict_ = nullptr;
  QLabel* decision_ = nullptr;
  CompareMetricsModel* metrics_;
  FoldBarChartView* bars_ = nullptr;
  ForecastChartView* chart_ = nullptr;
};

}  // namespace foresight::ui
