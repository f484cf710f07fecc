// The Explore page: STL decomposition, ACF/PACF with confidence bands,
// weekday and month seasonal plots, and the ADF/KPSS verdicts in words for
// the session's selected series. Recomputed in the background when the
// series changes and the page is shown.
#pragma once

#include <QChartView>
#include <QLabel>
#include <QTabWidget>
#include <QWidget>
#include <memory>

#include "ui/charts/TimeSeriesChartView.h"
#include "ui/explore/ExploreAnalysis.h"

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class ExplorePage : public QWidget {
  Q_OBJECT
 public:
  ExplorePage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);

  // Starts the analysis now (the page does it itself when shown).
  void analyse();
  // The last finished analysis; null before the first.
  const ExploreAnalysis* analysis() const { return analysis_.get(); }
  QLabel* verdictLabel() const { return verdict_; }
  QTabWidget* tabs() const { return tabs_; }

 Q_SIGNALS:
  void analysed(bool ok);

 protected:
  void showEvent(QShowEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void show(const ExploreAnalysis& a);
  QChartView* makeChartView();
  // Observed, trend and remainder share one date range (zoom or pan one,
  // the others follow); the seasonal panel shows the last kSeasonalCycles
  // cycles of it, so a weekly pattern over years is not a solid band.
  void followDateRange(TimeSeriesChartView* source, qreal from, qreal to);
  static constexpr int kSeasonalCycles = 4;
  // The STL panels' plot areas start at the same x whatever their value
  // labels' widths, so their dates line up.
  void alignPlotAreas();

  WorkbenchSession& session_;
  JobRunner& jobs_;
  bool dirty_ = true;
  bool syncing_ = false;
  qreal cycleDays_ = 0;  // one seasonal cycle in days (0: no decomposition)
  std::shared_ptr<ExploreAnalysis> analysis_;
  QTabWidget* tabs_;
  TimeSeriesChartView* observed_;
  TimeSeriesChartView* trend_;
  TimeSeriesChartView* seasonal_;
  TimeSeriesChartView* remainder_;
  QLabel* stlNote_;
  QChartView* acf_;
  QChartView* pacf_;
  QChartView* weekdays_;
  QChartView* months_;
  QLabel* verdict_;
};

}  // namespace foresight::ui
