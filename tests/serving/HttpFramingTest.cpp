// Strict request framing (HttpRequestFramer in front of QtHttpServer), over
// raw sockets. Every refused request carries a second, valid request after
// it on the same connection (as a body or as the next bytes): the service
// must answer the first with one 4xx and close, and never answer the second.
#include <QtTest/QtTest>

#include "HttpTestClient.h"
#include "ServerThread.h"
#include "ServingTestSupport.h"
#include "TestSupport.h"

using namespace foresight;
using test::HttpTestClient;

namespace {

const QByteArray kKey = foresight::test::kTestApiKeyHeader;
// The request a desynchronised parser would find in the first one's body.
const QByteArray kSmuggled = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";

QByteArray withBody(const QByteArray& headLines, const QByteArray& body) {
  return "POST /v1/models/sales/forecast HTTP/1.1\r\nHost: x\r\n" + kKey + headLines + "\r\n" + body;
}

}  // namespace

class HttpFramingTest : public QObject {
  Q_OBJECT

 private:
  test::ServingFixture fixture_;
  std::unique_ptr<test::ServerThread> server_;

  quint16 port() const { return server_->port(); }

 private Q_SLOTS:
  void initTestCase() {
    fixture_ = test::makeServingRegistry("framing");
    server_ = std::make_unique<test::ServerThread>(test::keyedTestOptions(fixture_.uri));
    QVERIFY2(server_->error().empty(), server_->error().c_str());
  }

  void cleanupTestCase() { QVERIFY(server_->stop()); }

  void refusedAndClosed_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("messageHolds");
    const auto add = [](const char* name, const QByteArray& request, int status, const QByteArray& holds) {
      QTest::newRow(name) << request << status << holds;
    };
    QByteArray many;
    for (int i = 0; i < 100; ++i) many += "X-H" + QByteArray::number(i) + ": v\r\n";  // + Host = 101
    add("header without colon", "GET /v1/health HTTP/1.1\r\nHost: x\r\nFoo\r\n\r\n", 400, "no colon");
    add("space before colon", "GET /v1/health HTTP/1.1\r\nHost: x\r\nFoo : bar\r\n\r\n", 400, "invalid name");
    add("folded header", "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n", 400, "folded");
    add("101 header lines", "GET /v1/health HTTP/1.1\r\nHost: x\r\n" + many + "\r\n", 431, "at most 100");
    add("header line too long", "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(8000, 'a') + "\r\n\r\n",
        431, "8000 bytes");
    add("headers too large", "GET /v1/health HTTP/1.1\r\nHost: x\r\n" + QByteArray("X-Pad: ").append(7000, 'a') + "\r\n" +
        QByteArray("X-Pad2: ").append(7000, 'a') + "\r\n" + QByteArray("X-Pad3: ").append(7000, 'a') + "\r\n\r\n",
        431, "16384 bytes");
    add("bare LF line ends", "GET /v1/health HTTP/1.1\nHost: x\n\n", 400, "CRLF");
    add("control byte in a value", "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\x01" "b\r\n\r\n", 400, "control byte");
    add("Transfer-Encoding xchunked", withBody("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n"), 400, "xchunked");
    add("Transfer-Encoding xchunked with Content-Length",
        withBody("Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n", "0\r\n\r\n"), 400, "both sent");
    add("Transfer-Encoding repeated",
        withBody("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"), 400, "more than once");
    add("Transfer-Encoding with Content-Length",
        withBody("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"), 400, "both sent");
    add("two different Content-Lengths", withBody("Content-Length: 0\r\nContent-Length: 5\r\n", "{}\r\n\r\n"), 400,
        "more than once");
    add("Content-Length list", withBody("Content-Length: 2, 2\r\n", "{}"), 400, "not a non-negative integer");
    add("Content-Length signed", withBody("Content-Length: +2\r\n", "{}"), 400, "not a non-negative integer");
    add("chunk size zz", withBody("Transfer-Encoding: chunked\r\n", "zz\r\n\r\n"), 411, "Content-Length");
    add("chunk size -5", withBody("Transfer-Encoding: chunked\r\n", "-5\r\nabcde\r\n0\r\n\r\n"), 411, "Content-Length");
    add("chunk size 2^64-1", withBody("Transfer-Encoding: chunked\r\n", "ffffffffffffffff\r\nab\r\n0\r\n\r\n"), 411,
        "Content-Length");
    add("HTTP/2.0", "GET /v1/health HTTP/2.0\r\nHost: x\r\n\r\n", 400, "HTTP/2.0");
    add("HTTP/9.9", "GET /v1/health HTTP/9.9\r\nHost: x\r\n\r\n", 400, "HTTP/9.9");
    add("version missing", "GET /v1/health\r\nHost: x\r\n\r\n", 400, "request line");
    add("two spaces in the request line", "GET  /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "request line");
    add("Host missing", "GET /v1/health HTTP/1.1\r\nAccept: */*\r\n\r\n", 400, "Host header is missing");
    add("Host twice", "GET /v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "2 times");
    add("Host twice in HTTP/1.0", "GET /v1/health HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400, "2 times");
    add("TRACE", "TRACE /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method TRACE");
    add("lowercase method", "get /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "'get'");
    add("leading space", " GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "");
  }

  void refusedAndClosed() {
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, messageHolds);
    HttpTestClient c(port());
    c.send(request + kSmuggled);
    const test::HttpResult first = c.read();
    QVERIFY2(first.status == status,
             qPrintable(QStringLiteral("status %1, body %2").arg(first.status).arg(QString::fromUtf8(first.body))));
    QVERIFY2(first.isJsonClientError(), first.body.constData());
    QVERIFY2(first.json()["error"]["message"].get<std::string>().find(messageHolds.toStdString()) != std::string::npos,
             first.body.constData());
    QCOMPARE(first.headers.value("connection"), QByteArray("close"));
    // Nothing else: the smuggled request is never answered.
    const test::HttpResult second = c.read();
    QCOMPARE(second.status, 0);
    QVERIFY(second.closed);
  }

  // The limits themselves are allowed: 100 header lines, an 8000-byte line.
  void requestsAtTheLimitsPass() {
    QByteArray many;
    for (int i = 0; i < 99; ++i) many += "X-H" + QByteArray::number(i) + ": v\r\n";  // + Host = 100
    QCOMPARE(HttpTestClient::raw(port(), "GET /v1/health HTTP/1.1\r\nHost: x\r\n" + many + "\r\n").status, 200);
    const QByteArray line = "X-Pad: " + QByteArray(8000 - 7, 'a');
    QCOMPARE(HttpTestClient::raw(port(), "GET /v1/health HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n").status, 200);
  }

  // Well-framed requests still work however the bytes arrive: pipelined in
  // one write (a POST with a body, then a GET), or split inside a CRLF.
  void pipelinedAndSplitRequestsAreAnswered() {
    const QByteArray body = "{\"horizon\":3}";
    HttpTestClient c(port());
    c.send(withBody("Content-Length: " + QByteArray::number(body.size()) + "\r\n", body) +
           "GET /v1/models/sales/forecast?horizon=2 HTTP/1.1\r\nHost: x\r\n" + kKey + "\r\n");
    const test::HttpResult post = c.read();
    QCOMPARE(post.status, 422);  // a body without history: answered by the service, not the framer
    QCOMPARE(QByteArray::fromStdString(post.json()["error"]["code"].get<std::string>()), QByteArray("missing_field"));
    const test::HttpResult get = c.read();
    QCOMPARE(get.status, 200);
    QVERIFY(get.body.startsWith("[{\"series\":\"total\""));

    HttpTestClient s(port());
    s.send("GET /v1/health HTTP/1.1\r");
    s.send("\nHost: x\r\n\r");
    s.send("\n");
    QCOMPARE(s.read().status, 200);
    QVERIFY(s.connected());
  }

  void headIsGetWithoutBody() {
    const test::HttpResult get = HttpTestClient::get(port(), "/v1/health");
    QCOMPARE(get.status, 200);
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("HEAD /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray all;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(15000)) all += socket.readAll();
    all += socket.readAll();
    QVERIFY2(all.startsWith("HTTP/1.1 200 "), all.constData());
    QVERIFY2(all.contains("Content-Length: " + QByteArray::number(get.body.size()) + "\r\n"), all.constData());
    QVERIFY2(all.endsWith("\r\n\r\n"), all.constData());  // no body after the head
  }

  // HTTP/1.0 connections are closed after the reply, keep-alive asked or not.
  void http10IsClosedAfterTheReply() {
    for (const QByteArray& headers : {QByteArray(), QByteArray("Connection: keep-alive\r\n")}) {
      HttpTestClient c(port());
      c.send("GET /v1/health HTTP/1.0\r\n" + headers + "\r\n");
      const test::HttpResult first = c.read();
      QCOMPARE(first.status, 200);
      QCOMPARE(first.headers.value("connection"), QByteArray("close"));
      const test::HttpResult after = c.read();
      QCOMPARE(after.status, 0);
      QVERIFY(after.closed);
    }
  }

  // HTTP/1.1 keeps the connection unless the client says close.
  void http11KeepsTheConnection() {
    HttpTestClient c(port());
    c.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    c.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const test::HttpResult second = c.read();
    QCOMPARE(second.status, 200);
    QCOMPARE(second.headers.value("connection"), QByteArray("close"));
    QVERIFY(c.read().closed);
  }
};

QTEST_GUILESS_MAIN(HttpFramingTest)
#include "HttpFramingTest.moc"
