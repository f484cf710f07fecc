#include "engine/models/ParamSpec.h"

namespace foresight {

std::string_view paramTypeName(ParamType t) {
  switch (t) {
    case ParamType::Int: return "int";
    case ParamType::Double: return "double";
    case ParamType::Bool: return "bool";
    case ParamType::Choice: return "choice";
    case ParamType::ModelList: return "models";
    case ParamType::Path: return "path";
  }
  return "double";
}

}  // namespace foresight
