#include "engine/data/FindingLog.h"

namespace foresight {

Finding& FindingLog::slot(Severity severity, std::string_view code, std::string_view message) {
  // Few distinct findings exist (tens), so a linear search stays cheap.
  for (auto& f : findings_)
    if (f.code == code && f.message == message) return f;
  findings_.push_back(Finding{severity, std::string(code), std::string(message), 0, {}});
  return findings_.back();
}

void FindingLog::add(Severity severity, std::string_view code, std::string_view message,
                     InputLocation where, std::string detail) {
  Finding& f = slot(severity, code, message);
  ++f.count;
  const bool hasExample = !where.describe().empty() || !detail.empty();
  if (hasExample && f.examples.size() < kMaxExamples)
    f.examples.push_back(FindingExample{std::move(where), std::move(detail)});
}

void FindingLog::addRejectedRow(std::string_view code, std::string_view message, InputLocation where) {
  add(Severity::Error, code, message, std::move(where));
  slot(Severity::Error, code, message).rejectsRow = true;
}

void FindingLog::addDetail(Severity severity, std::string_view code, std::string_view message,
                           InputLocation where, std::string detail) {
  Finding& f = slot(severity, code, message);
  f.count = f.count == 0 ? 1 : f.count;
  if (f.examples.size() < kMaxExamples) f.examples.push_back(FindingExample{std::move(where), std::move(detail)});
}

void FindingLog::addCount(Severity severity, std::string_view code, std::string_view message,
                          std::size_t count) {
  slot(severity, code, message).count += count;
}

void FindingLog::merge(const FindingLog& other) {
  for (const auto& o : other.findings_) {
    Finding& f = slot(o.severity, o.code, o.message);
    f.count += o.count;
    f.rejectsRow = f.rejectsRow || o.rejectsRow;
    for (const auto& e : o.examples)
      if (f.examples.size() < kMaxExamples) f.examples.push_back(e);
  }
}

void FindingLog::skipRejectedRows() {
  constexpr std::string_view kRejected = "row rejected";
  for (auto& f : findings_) {
    if (!f.rejectsRow || f.severity != Severity::Error) continue;
    f.severity = Severity::Warning;
    if (f.message.compare(0, kRejected.size(), kRejected) == 0) f.message.replace(0, kRejected.size(), "row skipped");
    f.message += " (skipping bad rows was asked for)";
  }
}

std::size_t FindingLog::countOf(Severity s) const {
  std::size_t n = 0;
  for (const auto& f : findings_) n += f.severity == s ? 1 : 0;
  return n;
}

const Finding* FindingLog::find(std::string_view code) const {
  for (const auto& f : findings_)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace foresight
