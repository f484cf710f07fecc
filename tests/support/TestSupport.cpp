#include "TestSupport.h"

#include <atomic>
#include <chrono>
#include <unistd.h>  // getpid

namespace foresight::test {

std::filesystem::path makeTempDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  auto dir = std::filesystem::temp_directory_path() /
             ("foresight-test-" + tag + "-" + std::to_string(getpid()) + "-" +
              std::to_string(stamp) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace foresight::test
