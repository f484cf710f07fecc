#include "ArgParser.h"

#include <charconv>  // std::from_chars
#include <iostream>

#include "engine/common/Errors.h"

namespace foresight::cli {

std::optional<std::string> ParsedArgs::get(const std::string& name) const {
  if (auto it = values_.find(name); it != values_.end()) return it->second;
  if (auto it = defaults_.find(name); it != defaults_.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> ParsedArgs::getAll(const std::string& name) const {
  if (auto it = all_.find(name); it != all_.end()) return it->second;
  return {};
}

std::string ParsedArgs::getOr(const std::string& name, const std::string& fallback) const {
  auto v = get(name);
  return v ? *v : fallback;
}

std::optional<long long> ParsedArgs::getInt(const std::string& name, long long min,
                                            long long max) const {
  const auto text = get(name);
  if (!text) return std::nullopt;
  long long v = 0;
  const auto* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || ptr != end)
    throw UsageError("--" + name + ": expected a whole number, got " + quoteForMessage(*text));
  if (v < min || v > max)
    throw UsageError("--" + name + ": " + *text + " is out of range [" + std::to_string(min) +
                     ", " + std::to_string(max) + "]");
  return v;
}

ArgParser::ArgParser(std::string usage, std::string summary)
    : usage_(std::move(usage)), summary_(std::move(summary)) {
  flag("help", "Show this help and exit");
}

ArgParser& ArgParser::option(OptionSpec spec) {
  options_.push_back(std::move(spec));
  return *this;
}

ArgParser& ArgParser::flag(const std::string& name, const std::string& help) {
  return option({name, "", help, "", false});
}

ArgParser& ArgParser::positional(PositionalSpec spec) {
  positionals_.push_back(std::move(spec));
  return *this;
}

const OptionSpec* ArgParser::find(const std::string& name) const {
  for (const auto& o : options_)
    if (o.name == name) return &o;
  return nullptr;
}

std::optional<ParsedArgs> ArgParser::parse(const std::vector<std::string>& args) const {
  ParsedArgs out;
  for (const auto& o : options_)
    if (!o.defaultValue.empty()) out.defaults_[o.name] = o.defaultValue;
  bool onlyPositionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (onlyPositionals || a.size() < 2 || a.rfind("--", 0) != 0) {
      if (a.size() > 1 && a[0] == '-' && a != "-" && !onlyPositionals)
        throw UsageError("unknown option " + quoteForMessage(a) + "; see --help");
      out.positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      onlyPositionals = true;
      continue;
    }
    const std::string_view body = std::string_view(a).substr(2);
    const auto eq = body.find('=');
    const bool inlineValue = eq != std::string_view::npos;
    const std::string name(body.substr(0, eq));
    std::string value = inlineValue ? std::string(body.substr(eq + 1)) : std::string();
    const OptionSpec* spec = find(name);
    if (!spec) throw UsageError("unknown option --" + name + "; see --help");
    if (spec->valueName.empty()) {
      if (inlineValue) throw UsageError("option --" + name + " takes no value");
      out.values_[name] = "1";
    } else {
      if (!inlineValue) {
        if (i + 1 >= args.size())
          throw UsageError("option --" + name + " needs a value (" + spec->valueName + ")");
        value = args[++i];
      }
      out.values_[name] = value;
      out.all_[name].push_back(value);
    }
  }
  if (out.flag("help")) {
    std::cout << helpText();
    return std::nullopt;
  }
  for (const auto& o : options_)
    if (o.required && !out.has(o.name))
      throw UsageError("missing required option --" + o.name + " " + o.valueName + "; see --help");
  std::size_t required = 0;
  for (const auto& p : positionals_) required += p.required ? 1 : 0;
  if (out.positionals_.size() < required)
    throw UsageError("missing argument " + positionals_[out.positionals_.size()].name +
                     "; see --help");
  if (out.positionals_.size() > positionals_.size())
    throw UsageError("unexpected argument " +
                     quoteForMessage(out.positionals_[positionals_.size()]) + "; see --help");
  return out;
}

std::string ArgParser::helpText() const {
  std::string s = "Usage: " + usage_ + "\n\n" + summary_ + "\n";
  if (!positionals_.empty()) {
    s += "\nArguments:\n";
    for (const auto& p : positionals_) s += "  " + p.name + std::string(p.name.size() < 26 ? 26 - p.name.size() : 1, ' ') + p.help + "\n";
  }
  s += "\nOptions:\n";
  for (const auto& o : options_) {
    std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
    left += std::string(left.size() < 28 ? 28 - left.size() : 1, ' ');
    s += left + o.help;
    if (!o.defaultValue.empty()) s += " (default: " + o.defaultValue + ")";
    if (o.required) s += " (required)";
    s += "\n";
  }
  return s;
}

}  // namespace foresight::cli
