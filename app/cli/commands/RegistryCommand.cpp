#include "RegistryCommand.h"

#include <algorithm>  // std::count
#include <cerrno>
#include <cstring>  // std::strerror
#include <filesystem>
#include <fstream>
#include <ostream>

#include "engine/common/Errors.h"
#include "engine/io/InputFile.h"
#include "engine/io/JsonText.h"

namespace foresight::cli {

ArgParser RegistryCommand::registryParser(const std::string& usage, const std::string& summary, bool json) {
  ArgParser p(usage, summary);
  p.option({"registry", "URI",
            "sqlite:///abs/path.db or postgresql://user[:pass]@host[:port]/db[?schema=S]\n"
            "                            (default: $FORESIGHT_REGISTRY, else the user's data folder)",
            "", false});
  if (json) p.flag("json", "Print machine-readable JSON on stdout");
  return p;
}

std::unique_ptr<registry::ModelRegistry> RegistryCommand::open(const ParsedArgs& args, CommandIo& io, bool quiet) {
  const auto uri = registry::RegistryUri::resolve(args.get("registry"));
  auto reg = std::make_unique<registry::ModelRegistry>(uri);
  const auto& s = reg->schema();
  if (quiet) return reg;
  if (s.outcome == registry::RegistrySchema::Outcome::Created)
    io.err << "foresight: created registry " << uri.redacted() << " (schema version " << s.toVersion << ")\n";
  else if (s.outcome == registry::RegistrySchema::Outcome::Upgraded)
    io.err << "foresight: upgraded registry " << uri.redacted() << " from schema version " << s.fromVersion
           << " to " << s.toVersion << "\n";
  return reg;
}

void RegistryCommand::printJson(CommandIo& io, const nlohmann::json& j) { io.out << j.dump(2) << "\n"; }

std::string RegistryCommand::readFile(const std::string& path) {
  return readInputText(path);
}

nlohmann::json RegistryCommand::readJsonFile(const std::string& path) {
  const std::string text = readFile(path);
  return parseJsonText(text, path);
}

registry::Tags RegistryCommand::parseTags(const std::string& option, const std::string& text) {
  registry::Tags tags;
  for (const std::string& pair : parseList(text)) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError(InputLocation{"", 0, "--" + option, pair}, "expected KEY=VALUE");
    tags[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return tags;
}

std::vector<std::string> RegistryCommand::parseList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

std::string RegistryCommand::pad(const std::string& s, std::size_t width) {
  return s.size() + 1 >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string RegistryCommand::versionText(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

}  // namespace foresight::cli
