#include "serving/HttpError.h"

namespace foresight::serving {

HttpError::HttpError(int status, std::string code, const std::string& message)
    : std::runtime_error(message), status_(status), code_(std::move(code)) {}

}  // namespace foresight::serving
