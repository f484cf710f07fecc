// What a handler answers: status, content type, body and extra headers, plus
// the route label metrics count it under. Serialised to the wire in one write.
#pragma once

#include <QByteArray>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace foresight::serving {

class HttpError;

struct HttpReply {
  int status = 200;
  QByteArray contentType = "application/json";
  QByteArray body;
  std::vector<std::pair<QByteArray, QByteArray>> headers;
  std::string errorCode;  // set for error replies (metrics)

  static HttpReply json(int status, const nlohmann::json& body);
  static HttpReply error(int status, const std::string& code, const std::string& message);
  static HttpReply fromError(const HttpError& e);
  enum class Body { Send, Omit };  // Omit: the reply to a HEAD request
  // The whole response: status line, headers, blank line, body.
  QByteArray wire(bool closeConnection, Body body = Body::Send) const;
  static const char* reasonPhrase(int status);
};

}  // namespace foresight::serving
