#include "serving/HttpReply.h"

#include "serving/HttpError.h"

namespace foresight::serving {

HttpReply HttpReply::json(int status, const nlohmann::json& body) {
  HttpReply r;
  r.status = status;
  r.body = QByteArray::fromStdString(body.dump()) + '\n';  // a newline keeps curl output readable
  return r;
}

HttpReply HttpReply::error(int status, const std::string& code, const std::string& message) {
  // error_handler_t::replace: a message quoting invalid UTF-8 from a request
  // must still serialise.
  const nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  HttpReply r;
  r.status = status;
  r.body = QByteArray::fromStdString(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + '\n';
  r.errorCode = code;
  return r;
}

HttpReply HttpReply::fromError(const HttpError& e) { return error(e.status(), e.code(), e.what()); }

const char* HttpReply::reasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

QByteArray HttpReply::wire(bool closeConnection, Body sendBody) const {
  QByteArray out;
  out.reserve(body.size() + 256);
  out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
  out += "Content-Type: " + contentType + "\r\n";
  out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
  for (const auto& [k, v] : headers) out += k + ": " + v + "\r\n";
  if (closeConnection) out += "Connection: close\r\n";
  out += "\r\n";
  if (sendBody == Body::Send) out += body;
  return out;
}

}  // namespace foresight::serving
