#include "serving/OpenApiDocument.h"

#include <QFile>

// Resources of a static library must be registered by name (outside any namespace).
static void initServingResources() { Q_INIT_RESOURCE(serving); }

namespace foresight::serving {

QByteArray OpenApiDocument::bytes() {
  static const QByteArray document = [] {
    initServingResources();
    QFile f(QStringLiteral(":/foresight/serving/openapi.json"));
    if (!f.open(QIODevice::ReadOnly)) return QByteArray("{}");
    return f.readAll();
  }();
  return document;
}

}  // namespace foresight::serving
