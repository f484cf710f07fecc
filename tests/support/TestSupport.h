// Helpers shared by every test: fuzzy numeric comparison, paths to the source
// tree and to ../shared/data (missing shared data fails the test loudly).
#pragma once

#include <QtTest/QTest>
#include <cmath>
#include <filesystem>
#include <string>

namespace foresight::test {

inline std::filesystem::path sourceDir() { return FORESIGHT_SOURCE_DIR; }

// Path of a file or folder under ../shared/data; QFAIL-style abort if absent.
// Usage: const auto p = sharedData("adventureworks"); if (p.empty()) return;
inline std::filesystem::path sharedData(const std::string& relative) {
  const std::filesystem::path p = std::filesystem::path(FORESIGHT_SHARED_DATA) / relative;
  if (!std::filesystem::exists(p)) {
    QTest::qFail(("shared data missing: " + p.string() +
                  " (the project reads real data from ../shared/data beside the checkout)")
                     .c_str(),
                 __FILE__, __LINE__);
    return {};
  }
  return p;
}

// |a - b| <= relTol * max(|a|, |b|) + absTol
inline bool near(double a, double b, double relTol, double absTol = 0.0) {
  if (std::isnan(a) || std::isnan(b)) return false;
  return std::fabs(a - b) <= relTol * std::fmax(std::fabs(a), std::fabs(b)) + absTol;
}

// A fresh, empty temporary directory per call, removed by the OS eventually;
// tests that write fixtures use it so runs never interfere.
std::filesystem::path makeTempDir(const std::string& tag);

}  // namespace foresight::test

#define FORESIGHT_COMPARE_NEAR(actual, expected, relTol)                                   \
  do {                                                                                     \
    const double a_ = (actual), e_ = (expected);                                           \
    if (!foresight::test::near(a_, e_, (relTol)))                                          \
      QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (rel tol %4)")                 \
                           .arg(QStringLiteral(#actual)).arg(a_, 0, 'g', 12)               \
                           .arg(e_, 0, 'g', 12).arg(double(relTol))));                     \
  } while (false)
