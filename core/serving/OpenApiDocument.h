// The OpenAPI 3 description of the service (resources/openapi.json, compiled
// in), served at /openapi.json.
#pragma once

#include <QByteArray>

namespace foresight::serving {

class OpenApiDocument {
 public:
  static QByteArray bytes();
};

}  // namespace foresight::serving
