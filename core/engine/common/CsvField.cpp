#include "engine/common/CsvField.h"

namespace foresight {

bool csvLooksLikeFormula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

void appendCsvTextField(std::string& out, std::string_view text) {
  const bool formula = csvLooksLikeFormula(text);
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string csvTextField(std::string_view text) {
  std::string out;
  appendCsvTextField(out, text);
  return out;
}

}  // namespace foresight
