#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Sha256.h"

using foresight::Sha256;

// Test vectors from FIPS 180-2, appendix B (SHA-256 examples).
class Sha256Test : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fipsVectors() {
    QCOMPARE(Sha256::hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(Sha256::hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
             std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    QCOMPARE(Sha256::hex(std::string(1000000, 'a')),
             std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
  }
  void emptyInput() {
    QCOMPARE(Sha256::hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }
  void chunkingDoesNotMatter() {
    // Every split point of a message around the 55/56/64-byte padding edges.
    for (std::size_t length : {55u, 56u, 63u, 64u, 65u, 119u, 120u, 200u}) {
      std::string msg;
      for (std::size_t i = 0; i < length; ++i) msg += static_cast<char>('a' + i % 26);
      const std::string whole = Sha256::hex(msg);
      for (std::size_t split = 0; split <= length; ++split) {
        Sha256 h;
        h.update(std::string_view(msg).substr(0, split));
        h.update(std::string_view(msg).substr(split));
        QCOMPARE(h.hexDigest(), whole);
      }
    }
  }
  void digestStartsOver() {
    Sha256 h;
    h.update("junk");
    (void)h.hexDigest();
    h.update("abc");
    QCOMPARE(h.hexDigest(), Sha256::hex("abc"));
  }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "Sha256Test.moc"
