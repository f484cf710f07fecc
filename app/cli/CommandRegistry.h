// Commands register themselves here from their own .cpp files, so adding a
// command touches only its file and app/cli/CMakeLists.txt.
#pragma once

#include <functional>
#include <memory>

#include "Command.h"

namespace foresight::cli {

using CommandFactory = std::function<std::unique_ptr<Command>()>;

// Registers a factory; `order` sorts --help (data 100s, models 200s,
// evaluation 300s, registry 400s, pipeline 500s, serving 600s).
struct CommandRegistration {
  CommandRegistration(int order, CommandFactory factory);
};

}  // namespace foresight::cli

// In a command's .cpp: FORESIGHT_REGISTER_COMMAND(110, DataSeriesCommand);
#define FORESIGHT_REGISTER_COMMAND(order, Type)                                       \
  namespace {                                                                         \
  const ::foresight::cli::CommandRegistration registration_##Type(                    \
      order, [] { return std::unique_ptr<::foresight::cli::Command>(new Type()); });  \
  }
