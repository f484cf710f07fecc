// The Compare page: the registry's champion of a model against a challenger
// (a spec, or an entry of the Models page's leaderboard) on identical folds:
// forecasts side by side, metrics, per-fold bars, the Diebold-Mariano
// verdict and the promotion policy's decision in words; Promote fits,
// pushes and promotes with a compare-and-set of the champion (against the
// policy's KEEP only as an explicit override with a reason). The page
// follows the registry (WorkbenchSession::registryChanged) and marks results
// that no longer match their inputs as stale.
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
class ForecastChartPanel;
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
  // background (beside any running comparison); registryRefreshed() when
  // the newest read is done.
  void refreshRegistry();
  // The champion as last read (nullopt: none yet).
  std::optional<int> championVersion() const { return champion_.version; }
  const ChampionInfo& champion() const { return champion_; }

  // Compares in the background on the champion's own series (see
  // CompareWork::pickSeries); false (reason in messageText()) when it cannot
  // start. comparisonFinished() when done.
  bool startCompare();
  void cancel();
  bool isBusy() const { return !job_.isNull(); }
  std::shared_ptr<const CompareOutcome> lastComparison() const { return outcome_; }

  // The confirmation Promote shows (not yet executed); null without a comparison.
  PromoteDialog* createPromoteDialog();
  // Promotes the last comparison's challenger with `reason` in the
  // background, skipping the dialog. Refused (false, message) without a
  // reason, and when the results are stale. When the policy said KEEP it is
  // an override. promotionFinished() when done; promoted() on success.
  bool promote(const QString& reason);
  // The last comparison's policy said KEEP: Promote reads "Override…".
  bool promotionIsOverride() const { return outcome_ && !outcome_->decision.promote; }
  QPushButton* promoteButton() const { return promoteButton_; }

  // Results that no longer match their inputs (the champion moved, another
  // model or series is selected, a promotion replaced the champion they
  // compared with): a visible marker and why; empty when current.
  QString staleText() const { return staleReason_; }
  bool isStale() const { return !staleReason_.isEmpty(); }
  QString championText() const;

  QString verdictText() const;
  QString decisionText() const;
  // The last status, error or conflict message.
  QString messageText() const;
  CompareMetricsModel* metricsModel() const { return metrics_; }
  FoldBarChartView* foldChart() const { return bars_; }
  ForecastChartPanel* forecastChart() const { return chart_; }

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
  // Shows the stale marker with `why` (empty: hides it).
  void setStale(const QString& why);
  // Compares the shown results with the page's current inputs.
  void checkStale();
  // The session's panel holds `series` unchanged (name, dates, values).
  bool sessionStillHas(const TimeSeries& series, const std::string& fingerprint) const;
  void showChampion();
  // Runs `work` as the page's one job; `done` gets the outcome on the GUI thread.
  void runJob(const QString& title, JobWork work, std::function<void(const JobOutcome&)> done);

  WorkbenchSession& session_;
  JobRunner& jobs_;
  QPointer<Job> job_;
  PromotionPolicy policy_;
  ChampionInfo champion_;
  std::shared_ptr<const CompareOutcome> outcome_;
  TimeSeries comparedSeries_;  // what outcome_ was computed on (promote fits on it)
  std::string comparedFingerprint_;  // dataFingerprint(comparedSeries_)
  QString comparedSelection_;  // the session's selected series when compared
  QString staleReason_;
  int readGeneration_ = 0;  // the newest registry read; older results are dropped

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
  QLabel* stale_ = nullptr;
  QWidget* words_ = nullptr;  // the verdict and the decision, under the settings
  QLabel* verdict_ = nullptr;
  QLabel* decision_ = nullptr;
  CompareMetricsModel* metrics_;
  FoldBarChartView* bars_ = nullptr;
  ForecastChartPanel* chart_ = nullptr;
};

}  // namespace foresight::ui
