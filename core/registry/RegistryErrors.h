// Errors of the model registry, typed so that the edges can map them to the
// CLI's exit codes: conflicts 4, integrity failures 2, database failures 1.
#pragma once

#include <string>

#include "engine/common/Errors.h"

namespace foresight::registry {

// The database could not do what was asked (connection refused, SQL failed,
// stayed busy). Messages never contain a password. Exit code 1.
class RegistryError : public Error {
 public:
  using Error::Error;
};

// A transient database condition (SQLite busy, PostgreSQL serialization
// failure or deadlock): the whole transaction is retried a bounded number of
// times before it surfaces as a RegistryError.
class RegistryBusyError : public RegistryError {
 public:
  using RegistryError::RegistryError;
};

// Someone else changed the registry first (the champion is no longer the
// version the caller expected), or an import would overwrite existing data.
// Nothing was changed. Exit code 4.
class RegistryConflictError : public Error {
 public:
  using Error::Error;
};

// A stored artifact no longer matches the SHA-256 recorded when it was pushed.
// Exit code 2, as for any input that cannot be trusted.
class RegistryIntegrityError : public InputError {
 public:
  RegistryIntegrityError(const std::string& registry, const std::string& model, int version,
                         const std::string& storedSha256, const std::string& computedSha256);
  const std::string& model() const { return model_; }
  int version() const { return version_; }
  const std::string& storedSha256() const { return stored_; }
  const std::string& computedSha256() const { return computed_; }

 private:
  std::string model_;
  int version_;
  std::string stored_, computed_;
};

}  // namespace foresight::registry
