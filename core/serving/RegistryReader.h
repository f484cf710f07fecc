// Builds a fresh ModelSnapshot from the registry: reads every model and its
// aliases, and loads the artifacts aliases point at - reusing versions the
// previous snapshot already loaded, so an unchanged registry costs two
// queries. Opens its own connection per call, on the calling thread, so it
// can run off the request path and notices a registry that went away.
#pragma once

#include <memory>

#include "registry/RegistryUri.h"
#include "serving/ModelSnapshot.h"

namespace foresight::serving {

class RegistryReader {
 public:
  explicit RegistryReader(registry::RegistryUri uri) : uri_(std::move(uri)) {}

  // RegistryError (or InputError) when the registry cannot be read; a
  // missing SQLite file is an error here, never created.
  std::shared_ptr<const ModelSnapshot> read(const std::shared_ptr<const ModelSnapshot>& previous) const;
  // One version straight from the registry (for version=V not behind an
  // alias). InputError for an unknown model or version.
  std::shared_ptr<const LoadedModel> readVersion(const std::string& name, int version) const;

  const registry::RegistryUri& uri() const { return uri_; }

 private:
  void requireReachable() const;
  registry::RegistryUri uri_;
};

}  // namespace foresight::serving
