// Every file the product writes goes through AtomicFileWriter: whole or not at
// all, synced, no temporary file left behind, and a failure names the file
// and the system's reason (the probe's full disk said only "cannot write").
// A full disk is made with RLIMIT_FSIZE, which fails write() with EFBIG the
// way ENOSPC fails it, without needing a small file system.
#include <QtTest/QtTest>
#include <sys/resource.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/io/AtomicFileWriter.h"

using namespace foresight;

namespace {

std::string contentOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entriesIn(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

// Caps the size of any file this process writes while alive.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the default kill
    rlimit cap = saved_;
    cap.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &cap);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previousHandler_);
  }

 private:
  rlimit saved_{};
  void (*previousHandler_)(int) = nullptr;
};

}  // namespace

class AtomicFileWriterTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void writesTheWholeFileAndNothingElse() {
    const auto dir = test::makeTempDir("atomic-write");
    const std::string big(300000, 'x');  // larger than the writer's buffer
    AtomicFileWriter::write(dir / "out.csv", "a,b\n" + big);
    QCOMPARE(contentOf(dir / "out.csv"), "a,b\n" + big);
    QCOMPARE(entriesIn(dir), std::size_t(1));
  }

  void anUncommittedWriterLeavesNothing() {
    const auto dir = test::makeTempDir("atomic-abandon");
    std::ofstream(dir / "keep.json") << "old";
    {
      AtomicFileWriter w(dir / "keep.json");
      w.stream() << "new, but never committed";
    }
    QCOMPARE(contentOf(dir / "keep.json"), std::string("old"));
    QCOMPARE(entriesIn(dir), std::size_t(1));
  }

  void aFullDiskNamesTheFileAndTheReasonAndKeepsTheOldFile() {
    const auto dir = test::makeTempDir("atomic-full");
    std::ofstream(dir / "report.json") << "the previous report";
    std::string message;
    {
      const FileSizeLimit limit(16384);
      try {
        AtomicFileWriter::write(dir / "report.json", std::string(100000, 'r'));
      } catch (const InputError& e) {
        message = e.what();
      }
    }
    QVERIFY2(message.find("report.json") != std::string::npos, message.c_str());
    QVERIFY2(message.find(std::strerror(EFBIG)) != std::string::npos, message.c_str());
    QCOMPARE(contentOf(dir / "report.json"), std::string("the previous report"));
    QCOMPARE(entriesIn(dir), std::size_t(1));  // no temporary file left
  }

  void aFolderInTheWayIsNamed() {
    const auto dir = test::makeTempDir("atomic-folder");
    std::filesystem::create_directories(dir / "model.json");
    try {
      AtomicFileWriter::write(dir / "model.json", "{}");
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("model.json") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("folder") != std::string::npos, e.what());
    }
  }

  void aMissingFolderGivesTheSystemsReason() {
    const auto dir = test::makeTempDir("atomic-missing");
    try {
      AtomicFileWriter::write(dir / "no" / "such" / "x.csv", "x");
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find(std::strerror(ENOENT)) != std::string::npos, e.what());
    }
  }
};

QTEST_APPLESS_MAIN(AtomicFileWriterTest)
#include "AtomicFileWriterTest.moc"
