// An HTTP error a handler raises: status, a stable machine-readable code and
// a message naming the parameter, field or name at fault. The service turns
// it into {"error":{"code","message"}}.
#pragma once

#include <stdexcept>
#include <string>

namespace foresight::serving {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message);
  int status() const { return status_; }
  const std::string& code() const { return code_; }

  static HttpError badRequest(const std::string& code, const std::string& message) { return {400, code, message}; }
  static HttpError notFound(const std::string& code, const std::string& message) { return {404, code, message}; }
  static HttpError unprocessable(const std::string& code, const std::string& message) { return {422, code, message}; }

 private:
  int status_;
  std::string code_;
};

}  // namespace foresight::serving
