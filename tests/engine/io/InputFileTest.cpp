// The one rule for input files: regular files only (no FIFO, device,
// socket or folder), read up to a limit, refused as binary from their first
// bytes.
#include <QtTest/QtTest>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>  // mkfifo
#include <unistd.h>    // truncate

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/io/InputFile.h"

using namespace foresight;

namespace {

std::string refusal(const std::filesystem::path& path) {
  try {
    readInputText(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

bool holds(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class InputFileTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void readsARegularFile() {
    const auto dir = test::makeTempDir("input-file");
    std::ofstream(dir / "a.csv", std::ios::binary) << "date,value\n2020-01-01,1\n";
    QCOMPARE(readInputText(dir / "a.csv"), std::string("date,value\n2020-01-01,1\n"));
    std::ofstream(dir / "empty.csv", std::ios::binary) << "";
    QCOMPARE(readInputText(dir / "empty.csv"), std::string());
    // A symlink to a regular file is that file.
    std::filesystem::create_symlink(dir / "a.csv", dir / "link.csv");
    QCOMPARE(readInputText(dir / "link.csv").size(), std::size_t(24));
  }

  void refusesWhatIsNotARegularFile() {
    const auto dir = test::makeTempDir("input-file-kinds");
    const std::string fifo = (dir / "pipe").string();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    // Refused from its type: opening it would block until a writer comes.
    const std::string e = refusal(fifo);
    QVERIFY2(holds(e, fifo) && holds(e, "FIFO"), e.c_str());
    QVERIFY2(holds(refusal("/dev/zero"), "/dev/zero: is a device"), refusal("/dev/zero").c_str());
    QVERIFY2(holds(refusal(dir), "is a folder, not a file"), refusal(dir).c_str());
    QVERIFY2(holds(refusal(dir / "missing.csv"), "missing.csv: file not found"), refusal(dir / "missing.csv").c_str());
    std::filesystem::create_symlink(dir / "loop-b", dir / "loop-a");
    std::filesystem::create_symlink(dir / "loop-a", dir / "loop-b");
    const std::string loop = refusal(dir / "loop-a");
    QVERIFY2(holds(loop, "symbolic links"), loop.c_str());
  }

  // A 2 GB sparse file starting with NUL is refused from its first 64 KiB,
  // never read whole; the line of the NUL is named.
  void binaryIsRefusedFromTheFirstBytes() {
    const auto dir = test::makeTempDir("input-file-binary");
    const std::string sparse = (dir / "sparse.csv").string();
    std::ofstream(sparse, std::ios::binary) << "";
    QCOMPARE(::truncate(sparse.c_str(), 2'000'000'000), 0);
    const std::string e = refusal(sparse);
    QVERIFY2(holds(e, "sparse.csv:1: binary content") && holds(e, "NUL byte at byte offset 0"), e.c_str());
    std::ofstream(dir / "nul.csv", std::ios::binary) << std::string("a,b\n1,2\n3,\0\n", 12);
    QVERIFY2(holds(refusal(dir / "nul.csv"), "nul.csv:3: binary content"), refusal(dir / "nul.csv").c_str());
  }

  void theSizeLimitIsASetting() {
    const auto dir = test::makeTempDir("input-file-limit");
    std::ofstream(dir / "a.csv", std::ios::binary) << std::string(100, 'x');
    qputenv("FORESIGHT_MAX_INPUT_BYTES", "99");
    QCOMPARE(maxInputBytes(), std::uint64_t(99));
    const std::string e = refusal(dir / "a.csv");
    QVERIFY2(holds(e, "is 100 bytes, over the input limit of 99 bytes (FORESIGHT_MAX_INPUT_BYTES)"), e.c_str());
    qputenv("FORESIGHT_MAX_INPUT_BYTES", "100");
    QCOMPARE(readInputText(dir / "a.csv").size(), std::size_t(100));
    for (const char* bad : {"", "0", "-1", "1e9", "12abc"}) {
      qputenv("FORESIGHT_MAX_INPUT_BYTES", bad);
      const std::string why = refusal(dir / "a.csv");
      QVERIFY2(holds(why, "FORESIGHT_MAX_INPUT_BYTES") && holds(why, "whole number of bytes"), why.c_str());
    }
    qunsetenv("FORESIGHT_MAX_INPUT_BYTES");
    QCOMPARE(maxInputBytes(), kDefaultMaxInputBytes);
  }
};

QTEST_GUILESS_MAIN(InputFileTest)
#include "InputFileTest.moc"
