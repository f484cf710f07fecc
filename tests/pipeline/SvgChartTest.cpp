// SvgChart: well-formed standalone SVG (checked with an XML reader), text
// escaped, the band and both lines drawn, missing values leave gaps.
#include <QXmlStreamReader>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "pipeline/SvgChart.h"

using namespace foresight;
using foresight::pipeline::SvgChart;

namespace {

// Element names in document order; empty when the XML is not well formed.
QStringList elements(const std::string& svg) {
  QXmlStreamReader xml(QByteArray::fromStdString(svg));
  QStringList names;
  while (!xml.atEnd())
    if (xml.readNext() == QXmlStreamReader::StartElement) names << xml.name().toString();
  return xml.hasError() ? QStringList() : names;
}

}  // namespace

class SvgChartTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void forecastChartIsWellFormedWithBandAndLines() {
    TimeSeries s;
    s.name = "x";
    s.start = *Date::parseIso("2021-01-01");
    s.values = Eigen::VectorXd::LinSpaced(30, 1, 30);
    s.values[10] = std::nan("");
    Forecast f;
    f.start = s.dateAt(30);
    f.levels = {80, 95};
    f.mean = Eigen::VectorXd::Constant(7, 31);
    f.lower = Eigen::MatrixXd::Constant(7, 2, 25);
    f.upper = Eigen::MatrixXd::Constant(7, 2, 37);
    const std::string svg = SvgChart::forecast("Sales <A&B>", s, f);
    const QStringList names = elements(svg);
    QVERIFY2(!names.isEmpty(), svg.c_str());
    QCOMPARE(names.front(), QStringLiteral("svg"));
    QCOMPARE(names.count(QStringLiteral("path")), 3);  // band, history, forecast
    QVERIFY(svg.find("Sales &lt;A&amp;B&gt;") != std::string::npos);
    QVERIFY(svg.find("95% interval") != std::string::npos);
    // The missing value splits the history line into two runs.
    const auto history = svg.find("stroke=\"#264653\"");
    const auto start = svg.rfind("<path d=\"", history);
    const std::string d = svg.substr(start, history - start);
    QCOMPARE(std::count(d.begin(), d.end(), 'M'), 2L);
  }

  void barChartHasOneBarPerFiniteValue() {
    const std::string svg = SvgChart::bars("MASE", {{"ets", 1.08}, {"snaive", 1.54}, {"broken", std::nan("")}});
    const QStringList names = elements(svg);
    QVERIFY(!names.isEmpty());
    QCOMPARE(names.count(QStringLiteral("rect")), 3);  // background + 2 bars
    QVERIFY(svg.find(">n/a<") != std::string::npos);
  }

  void shortNumbers() {
    QCOMPARE(SvgChart::shortNumber(1234567), std::string("1.23M"));
    QCOMPARE(SvgChart::shortNumber(35000), std::string("35k"));
    QCOMPARE(SvgChart::shortNumber(3960), std::string("3960"));
    QCOMPARE(SvgChart::shortNumber(0.85), std::string("0.85"));
  }
};

QTEST_GUILESS_MAIN(SvgChartTest)
#include "SvgChartTest.moc"
