#include "ui/hierarchy/HierarchyFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace foresight::ui {

bool HierarchyFile::isHierarchical(const QString& path) {
  if (!QFileInfo(path).isFile()) return false;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return false;
  QString header = QString::fromUtf8(file.readLine(4096)).trimmed();
  if (header.startsWith(QChar(0xFEFF))) header.remove(0, 1);
  const QStringList names = header.split(QLatin1Char(','));
  if (names.size() != 4) return false;
  static const QStringList kExpected{QStringLiteral("series"), QStringLiteral("date"), QStringLiteral("value"),
                                     QStringLiteral("level")};
  for (int i = 0; i < 4; ++i) {
    QString name = names[i].trimmed();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
      name = name.mid(1, name.size() - 2);
    if (name != kExpected[i]) return false;
  }
  return true;
}

}  // namespace foresight::ui
