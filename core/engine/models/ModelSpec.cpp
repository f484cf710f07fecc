#include "engine/models/ModelSpec.h"

#include <cctype>  // std::isalnum, std::isspace

#include "engine/common/Errors.h"

namespace foresight {

namespace {

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Parses one spec inside text[begin, end); positions in errors are 1-based
// offsets into the whole text, so a bad member of a list is found quickly.
class SpecParser {
 public:
  explicit SpecParser(std::string_view text) : text_(text) {}

  ModelSpec parse(std::size_t begin, std::size_t end) const {
    std::size_t i = skipSpace(begin, end);
    end = trimEnd(i, end);
    if (i == end) fail(begin, "empty model spec");
    ModelSpec spec;
    const std::size_t nameEnd = scanName(i, end);
    if (nameEnd == i) fail(i, "expected a model name");
    spec.name = std::string(text_.substr(i, nameEnd - i));
    i = skipSpace(nameEnd, end);
    if (i == end) return spec;
    if (text_[i] != '(') fail(i, "expected '(' after the model name");
    const std::size_t open = i;
    const std::size_t close = matchingParen(open, end);
    if (skipSpace(close + 1, end) != end) fail(skipSpace(close + 1, end), "unexpected text after ')'");
    parseArgs(open + 1, close, spec);
    return spec;
  }

  std::vector<ModelSpec> parseList(char separator) const {
    std::vector<ModelSpec> specs;
    int depth = 0;
    std::size_t partBegin = 0;
    for (std::size_t i = 0; i <= text_.size(); ++i) {
      const char c = i < text_.size() ? text_[i] : separator;
      if (c == '(') ++depth;
      if (c == ')') {
        if (depth == 0) fail(i, "unbalanced ')'");
        --depth;
      }
      if (c == separator && depth == 0) {
        if (skipSpace(partBegin, i) == i)
          fail(partBegin, i < text_.size() ? "empty model spec before separator" : "empty model spec");
        specs.push_back(parse(partBegin, i));
        partBegin = i + 1;
      }
    }
    if (depth != 0) fail(text_.size(), "missing ')'");
    return specs;
  }

 private:
  [[noreturn]] void fail(std::size_t pos, const std::string& problem) const {
    throw InputError(InputLocation{"", 0, "model spec", std::string(text_)},
                     problem + " at position " + std::to_string(pos + 1));
  }

  std::size_t skipSpace(std::size_t i, std::size_t end) const {
    while (i < end && isSpace(text_[i])) ++i;
    return i;
  }
  std::size_t trimEnd(std::size_t begin, std::size_t end) const {
    while (end > begin && isSpace(text_[end - 1])) --end;
    return end;
  }
  std::size_t scanName(std::size_t i, std::size_t end) const {
    while (i < end && isNameChar(text_[i])) ++i;
    return i;
  }

  std::size_t matchingParen(std::size_t open, std::size_t end) const {
    int depth = 0;
    for (std::size_t i = open; i < end; ++i) {
      if (text_[i] == '(') ++depth;
      if (text_[i] == ')' && --depth == 0) return i;
    }
    fail(open, "missing ')' for the '('");
  }

  void parseArgs(std::size_t begin, std::size_t end, ModelSpec& spec) const {
    if (skipSpace(begin, end) == end) return;  // "ets()" means defaults
    int depth = 0;
    std::size_t argBegin = begin;
    for (std::size_t i = begin; i <= end; ++i) {
      const char c = i < end ? text_[i] : ',';
      if (c == '(') ++depth;
      if (c == ')') {
        if (depth == 0) fail(i, "unbalanced ')'");
        --depth;
      }
      if ((c == ',' || c == ';') && depth == 0) {
        parseArg(argBegin, i, spec);
        argBegin = i + 1;
      }
    }
  }

  void parseArg(std::size_t begin, std::size_t end, ModelSpec& spec) const {
    const std::size_t keyBegin = skipSpace(begin, end);
    if (keyBegin == end) fail(begin, "empty argument");
    const std::size_t keyEnd = scanName(keyBegin, end);
    if (keyEnd == keyBegin) fail(keyBegin, "expected a parameter name");
    const std::size_t eq = skipSpace(keyEnd, end);
    if (eq == end || text_[eq] != '=')
      fail(eq, "expected '=' after parameter '" + std::string(text_.substr(keyBegin, keyEnd - keyBegin)) + "'");
    const std::size_t valueBegin = skipSpace(eq + 1, end);
    const std::size_t valueEnd = trimEnd(valueBegin, end);
    std::string key(text_.substr(keyBegin, keyEnd - keyBegin));
    if (valueBegin == valueEnd) fail(valueBegin, "empty value for parameter '" + key + "'");
    for (const auto& [k, v] : spec.args)
      if (k == key) fail(keyBegin, "duplicate parameter '" + key + "'");
    spec.args.emplace_back(std::move(key), std::string(text_.substr(valueBegin, valueEnd - valueBegin)));
  }

  std::string_view text_;
};

}  // namespace

ModelSpec ModelSpec::parse(std::string_view text) {
  return SpecParser(text).parse(0, text.size());
}

std::vector<ModelSpec> ModelSpec::parseList(std::string_view text, char separator) {
  return SpecParser(text).parseList(separator);
}

std::string ModelSpec::toString() const {
  if (args.empty()) return name;
  std::string s = name + "(";
  for (std::size_t i = 0; i < args.size(); ++i) s += (i ? "," : "") + args[i].first + "=" + args[i].second;
  return s + ")";
}

}  // namespace foresight
