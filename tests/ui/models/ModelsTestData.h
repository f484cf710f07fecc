// Series and session set-up shared by the Models and Compare page tests.
#pragma once

#include <cmath>
#include <memory>

#include "TestSupport.h"
#include "engine/common/TimeSeries.h"
#include "ui/session/WorkbenchSession.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::test {

// `days` of daily demand: a level with a slow trend, a weekly pattern and
// deterministic noise, so every model has something to learn.
inline TimeSeries weeklyDemand(int days = 420, const char* name = "demand") {
  TimeSeries s;
  s.name = name;
  s.start = *Date::fromYmd(2021, 1, 4);
  s.values.resize(days);
  for (Eigen::Index i = 0; i < s.values.size(); ++i)
    s.values[i] = 200.0 + 0.08 * static_cast<double>(i) +
                  25.0 * std::sin(2.0 * M_PI * static_cast<double>(i % 7) / 7.0) +
                  static_cast<double>((i * 7919) % 23) - 11.0;
  return s;
}

// A session (with settings in a temporary INI file) holding one series.
struct SessionFixture {
  std::unique_ptr<ui::WorkbenchSettings> settings;
  std::unique_ptr<ui::WorkbenchSession> session;

  explicit SessionFixture(const TimeSeries& series) {
    settings = std::make_unique<ui::WorkbenchSettings>(
        QString::fromStdString((makeTempDir("ui-models") / "settings.ini").string()));
    session = std::make_unique<ui::WorkbenchSession>(*settings);
    session->loadData(nullptr, QStringLiteral("generated"), ui::SeriesSettings{}, Panel{{series}});
  }
};

}  // namespace foresight::test
