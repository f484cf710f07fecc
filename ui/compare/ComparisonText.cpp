#include "ui/compare/ComparisonText.h"

#include <QCoreApplication>
#include <QStringList>

#include "ui/format/NumberFormat.h"

namespace foresight::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ComparisonText", text); }

}  // namespace

QString ComparisonText::dieboldMariano(const ComparisonResult& c, double alpha) {
  if (!c.hasChampion()) return tr("No champion yet: there is nothing to test the challenger against.");
  const DieboldMarianoResult& dm = c.dm;
  if (!dm.defined)
    return tr("The Diebold-Mariano test is undefined here: %1").arg(QString::fromStdString(dm.note));
  const NumberFormat f;
  const QString p = f.pValue(dm.pValue);
  const QString numbers = tr("(DM = %1, p %2, %3 paired errors, %4 loss)")
                              .arg(f.fixed(dm.statistic, 2))
                              .arg(p.startsWith(QLatin1Char('<')) ? p : QStringLiteral("= ") + p)
                              .arg(f.integer(dm.n))
                              .arg(QString::fromLatin1(dmLossName(dm.loss).data()));
  const bool significant = dm.pValue <= alpha;
  QString verdict;
  switch (dm.alternative) {
    case DmAlternative::Greater:
      verdict = significant ? tr("The challenger is significantly more accurate than the champion")
                            : tr("No significant evidence that the challenger is more accurate than the champion");
      break;
    case DmAlternative::Less:
      verdict = significant ? tr("The challenger is significantly less accurate than the champion")
                            : tr("No significant evidence that the challenger is less accurate than the champion");
      break;
    case DmAlternative::TwoSided:
      verdict = significant ? tr("Champion and challenger differ significantly in accuracy")
                            : tr("No significant difference in accuracy between champion and challenger");
      break;
  }
  QString text = verdict + QLatin1Char(' ') + numbers + QLatin1Char('.');
  if (!dm.note.empty()) text += QLatin1Char(' ') + QString::fromStdString(dm.note);
  return text;
}

QString ComparisonText::decision(const PromotionDecision& d) {
  QStringList lines{d.promote ? tr("Decision: PROMOTE the challenger.") : tr("Decision: KEEP the champion.")};
  for (const PolicyCheck& check : d.checks)
    lines << (check.passed ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + QString::fromStdString(check.reason);
  return lines.join(QLatin1Char('\n'));
}

}  // namespace foresight::ui
