#include "serving/AccessLog.h"

#include <QDateTime>
#include <unistd.h>  // ::write

#include "engine/common/SecretText.h"

namespace foresight::serving {

bool AccessLog::isSecretName(const QByteArray& decodedName) {
  return foresight::isSecretName(std::string_view(decodedName.constData(), static_cast<std::size_t>(decodedName.size())));
}

QByteArray AccessLog::scrubTarget(const QByteArray& target) {
  const qsizetype q = target.indexOf('?');
  if (q < 0) return target;
  QByteArray out = target.left(q + 1);
  const QList<QByteArray> items = target.mid(q + 1).split('&');
  for (qsizetype i = 0; i < items.size(); ++i) {
    if (i) out += '&';
    const QByteArray& item = items[i];
    const qsizetype eq = item.indexOf('=');
    const QByteArray name = eq < 0 ? item : item.left(eq);
    // Compare the decoded name, so api%5Fkey is scrubbed as well.
    out += isSecretName(QByteArray::fromPercentEncoding(name)) ? name + "=***" : item;
  }
  return out;
}

QByteArray AccessLog::requestLine(const QByteArray& method, const QByteArray& target, int status,
                                  long long bytes, double milliseconds) {
  QByteArray path = scrubTarget(target);
  // Control characters would let a client forge log lines.
  for (char& c : path)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + method + ' ' + path + ' ' +
         QByteArray::number(status) + ' ' + QByteArray::number(bytes) + ' ' +
         QByteArray::number(milliseconds, 'f', 2) + "ms\n";
}

void AccessLog::write(const QByteArray& line) {
  const char* p = line.constData();
  qsizetype left = line.size();
  while (left > 0) {
    const ssize_t n = ::write(2, p, static_cast<std::size_t>(left));
    if (n <= 0) return;  // stderr closed: logging must never stop serving
    p += n;
    left -= n;
  }
}

void AccessLog::note(std::string_view text) {
  write("foresight serve: " + QByteArray(text.data(), static_cast<qsizetype>(text.size())) + '\n');
}

}  // namespace foresight::serving
