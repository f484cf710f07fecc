// Hierarchical series from the Adventure Works export (territory: 20 nodes,
// product: 151), coherent to the bit; their CSV (series,date,value,level)
// round-trips and a damaged one is refused naming the series; and the
// coherence the issue asks for: base forecasts of every node (theta for the
// aggregates; snaive, or croston for products, at the bottom) reconciled by every method add up to 1e-9 relative
// at every node and step, also after the reconciled forecasts are written
// and read back as a hierarchy's CSV.
#include <QtTest/QtTest>

#include <sstream>

#include "../models/ModelTestData.h"
#include "Coherence.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesCsv.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/hierarchy/Reconciler.h"

using namespace foresight;

namespace {

const LoadedData& adventureWorks() {
  static const LoadedData data = [] {
    const auto dir = test::sharedData("adventureworks");
    return dir.empty() ? LoadedData{} : DataSourceLoader::loadOne(dir.string(), {});
  }();
  return data;
}

HierarchicalPanel awHierarchy(const char* spec, Measure measure) {
  SeriesRequest request;
  request.measure = measure;
  return HierarchicalSeries::build(adventureWorks(), request, *HierarchicalSeries::parseLevels(spec));
}


std::string refusal(const std::string& csv) {
  try {
    HierarchicalSeries::read(csv, "h.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

class HierarchicalSeriesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QVERIFY2(adventureWorks().facts.rowCount() > 0, "../shared/data/adventureworks is missing"); }

  void territoryAndProductHierarchiesAddUpExactly() {
    const HierarchicalPanel t = awHierarchy("territory", Measure::Revenue);
    QCOMPARE(t.hierarchy.size(), 20);
    QCOMPARE(t.hierarchy.bottomCount(), 10);
    QCOMPARE(t.panel.series[1].name, std::string("Europe"));
    QVERIFY(t.hierarchy.find("North America/United States/Northwest") >= 0);
    const HierarchicalPanel p = awHierarchy("product", Measure::Quantity);
    QCOMPARE(p.hierarchy.size(), 151);  // total, 3 categories, 17 subcategories, 130 products
    QCOMPARE(p.hierarchy.atDepth(2).size(), std::size_t(17));
    QVERIFY(p.hierarchy.find("Accessories/Tires and Tubes/Patch Kit\\/8 Patches") >= 0);
    for (const HierarchicalPanel* h : {&t, &p}) {
      Eigen::MatrixXd y(h->hierarchy.size(), h->panel.series.front().size());
      for (int i = 0; i < h->hierarchy.size(); ++i) y.row(i) = h->panel.series[static_cast<std::size_t>(i)].values;
      QCOMPARE(test::incoherence(h->hierarchy, y), 0.0);
    }
    // The total is the whole export: 84,174 units.
    QCOMPARE(p.panel.series.front().values.sum(), 84174.0);
  }

  // A territory under two countries in different rows cannot be placed:
  // refused naming the file, the line and both countries.
  void anAttributeWithTwoParentsIsRefused() {
    LoadedData data;
    data.defaultMeasure = Measure::Amount;
    data.facts = FactTable({Measure::Amount}, {Dimension::Country, Dimension::Territory}, false);
    const auto file = data.facts.addFile("sales.csv");
    const auto row = [&](int day, const char* country, const char* territory, std::uint32_t line) {
      FactRow r;
      r.date = Date::fromYmd(2020, 1, 1)->addDays(day);
      r.values[measureIndex(Measure::Amount)] = Decimal::fromInteger(5);
      r.dims[dimensionIndex(Dimension::Country)] = data.facts.dictionary(Dimension::Country).intern(country);
      r.dims[dimensionIndex(Dimension::Territory)] = data.facts.dictionary(Dimension::Territory).intern(territory);
      r.file = file;
      r.line = line;
      data.facts.append(r);
    };
    row(0, "France", "Paris", 2);
    row(1, "Germany", "Berlin", 3);
    row(2, "Germany", "Paris", 4);
    try {
      HierarchicalSeries::build(data, SeriesRequest{}, {Dimension::Country, Dimension::Territory});
      QFAIL("placed a territory under two countries");
    } catch (const InputError& e) {
      const std::string m = e.what();
      QVERIFY2(m.find("sales.csv:4") != std::string::npos && m.find("'Paris'") != std::string::npos &&
                   m.find("'France'") != std::string::npos && m.find("'Germany'") != std::string::npos,
               m.c_str());
    }
  }

  void csvRoundTripsAndPlainReadersTakeIt() {
    const HierarchicalPanel t = awHierarchy("territory", Measure::Revenue);
    std::ostringstream out;
    HierarchicalSeries::write(out, t);
    const HierarchicalPanel back = HierarchicalSeries::read(out.str(), "h.csv");
    QCOMPARE(back.hierarchy.toJson(), t.hierarchy.toJson());
    for (std::size_t i = 0; i < t.panel.series.size(); ++i) {
      QCOMPARE(back.panel.series[i].name, t.panel.series[i].name);
      QVERIFY(back.panel.series[i].values == t.panel.series[i].values);
    }
    // fit, backtest and forecast read it as 20 plain series.
    QCOMPARE(SeriesCsv::read(out.str(), "h.csv").series.size(), std::size_t(20));
  }

  void damagedFilesAreRefusedNamingWhat() {
    const std::string good =
        "series,date,value,level\nTotal,2020-01-01,3,total\nA,2020-01-01,3,group\nA/x,2020-01-01,1,item\n"
        "A/y,2020-01-01,2,item\n";
    QVERIFY(HierarchicalSeries::read(good, "h.csv").hierarchy.size() == 4);
    QVERIFY2(refusal("series,date,value\nTotal,2020-01-01,3\n").find("series,date,value,level") != std::string::npos,
             "no level column");
    std::string notSum = good;
    notSum.replace(notSum.find("A,2020-01-01,3"), 14, "A,2020-01-01,4");
    QVERIFY2(refusal(notSum).find("'A'") != std::string::npos, refusal(notSum).c_str());
    QVERIFY(refusal(notSum).find("not the sum") != std::string::npos);
    std::string missing = good;
    missing.erase(missing.find("A,2020"), std::string("A,2020-01-01,3,group\n").size());
    QVERIFY2(refusal(missing).find("lacks") != std::string::npos, refusal(missing).c_str());
    std::string twoLevels = good;
    twoLevels.replace(twoLevels.find("2,item"), 6, "2,thing");
    QVERIFY2(refusal(twoLevels).find("one depth has one level") != std::string::npos, refusal(twoLevels).c_str());
    std::string badTotal = good;
    badTotal.replace(badTotal.find("3,total"), 7, "3,top");
    QVERIFY2(refusal(badTotal).find("'total'") != std::string::npos, refusal(badTotal).c_str());
    // A total that runs past its children (found by fuzzing: it was taken,
    // and the hierarchy's series then had different lengths).
    const std::string longer = "series,date,value,level\nTotal,2020-01-06,5,total\nTotal,2020-01-13,,total\n"
                               "Total,2020-01-20,,total\nP,2020-01-06,5,kind\nP,2020-01-13,,kind\n";
    QVERIFY2(refusal(longer).find("share their dates") != std::string::npos, refusal(longer).c_str());
    QVERIFY(!HierarchicalSeries::parseLevels("territory,planet"));
    QCOMPARE(HierarchicalSeries::parseLevels("country,territory")->size(), std::size_t(1));
    QCOMPARE(HierarchicalSeries::parseLevels("country,territory")->front().size(), std::size_t(2));
    const auto crossed = HierarchicalSeries::parseLevels("territory*category");
    QVERIFY(crossed && crossed->size() == 2 && crossed->at(0).size() == 3 && crossed->at(1).size() == 1);
    QVERIFY(!HierarchicalSeries::parseLevels("territory*region"));  // region twice
    QVERIFY(!HierarchicalSeries::parseLevels("territory*"));
  }

  // territory*category: every combination of levels, each node the sum of
  // the bottom series under it; the margins are the nested hierarchies'
  // nodes, to the bit; the file round-trips and an edited one is refused.
  void crossedGroupingAddsUpEveryWay() {
    const HierarchicalPanel g = awHierarchy("territory*category", Measure::Revenue);
    const Hierarchy& h = g.hierarchy;
    QVERIFY(h.isGrouped());
    const std::vector<std::string> levels = {"region",          "country",          "territory",
                                             "category",        "region*category",  "country*category",
                                             "territory*category"};
    QCOMPARE(h.levels(), levels);
    QCOMPARE(h.columns(), (std::vector<std::string>{"region", "country", "territory", "category"}));
    const HierarchicalPanel t = awHierarchy("territory", Measure::Revenue);
    const HierarchicalPanel p = awHierarchy("product", Measure::Revenue);
    QCOMPARE(static_cast<int>(h.atDepth(4).size()), static_cast<int>(p.hierarchy.atDepth(1).size()));
    // Margins: the territory hierarchy's nodes and the product hierarchy's categories.
    for (const HierarchicalPanel* nested : {&t, &p})
      for (int i = 0; i < nested->hierarchy.size(); ++i) {
        const HierarchyNode& n = nested->hierarchy.nodes()[static_cast<std::size_t>(i)];
        if (nested == &p && n.depth > 1) continue;
        const int j = h.find(n.name);
        QVERIFY2(j >= 0, n.name.c_str());
        QCOMPARE(h.levelName(h.nodes()[static_cast<std::size_t>(j)].depth), nested->hierarchy.levelName(n.depth));
        QVERIFY2((g.panel.series[static_cast<std::size_t>(j)].values - nested->panel.series[static_cast<std::size_t>(i)].values)
                         .cwiseAbs()
                         .maxCoeff() <= 1e-6,
                 n.name.c_str());
      }
    const int franceBikes = h.find("Europe/France/France*Bikes");
    QVERIFY(franceBikes >= h.firstBottom());
    QCOMPARE(h.nodes()[static_cast<std::size_t>(franceBikes)].parent, h.find("Europe/France/France"));
    QCOMPARE(h.columnValues(franceBikes), (std::vector<std::string>{"Europe", "France", "France", "Bikes"}));
    QCOMPARE(h.columnValues(h.find("Bikes")), (std::vector<std::string>{"", "", "", "Bikes"}));
    Eigen::MatrixXd y(h.size(), g.panel.series.front().size());
    for (int i = 0; i < h.size(); ++i) y.row(i) = g.panel.series[static_cast<std::size_t>(i)].values;
    QCOMPARE(test::incoherence(h, y), 0.0);
    // Each node equals the sum of its summands too (one of the ways it splits).
    for (int i = 0; i < h.firstBottom(); ++i) {
      Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(y.cols());
      for (const int c : h.summands(i)) sum += y.row(c);
      QVERIFY2((sum - y.row(i)).cwiseAbs().maxCoeff() <= 1e-6 * std::max(1.0, y.row(i).cwiseAbs().maxCoeff()),
               h.nodes()[static_cast<std::size_t>(i)].name.c_str());
    }
    std::ostringstream out;
    HierarchicalSeries::write(out, g);
    const std::string text = out.str();
    QVERIFY(text.find("\nEurope/France*Bikes,") != std::string::npos);
    QVERIFY(text.find(",country*category\n") != std::string::npos);
    const HierarchicalPanel back = HierarchicalSeries::read(text, "g.csv");
    QCOMPARE(back.hierarchy.toJson(), h.toJson());
    for (std::size_t i = 0; i < g.panel.series.size(); ++i) {
      QCOMPARE(back.panel.series[i].name, g.panel.series[i].name);
      QVERIFY(back.panel.series[i].values == g.panel.series[i].values);
    }
    // A crossed node edited, or labelled with another level: refused, named.
    const std::string line = "\nEurope*Bikes," + g.panel.series[static_cast<std::size_t>(h.find("Europe*Bikes"))].start.toIso();
    const std::size_t at = text.find(line);
    QVERIFY(at != std::string::npos);
    const std::size_t valueAt = at + line.size() + 1;
    std::string edited = text;
    edited.replace(valueAt, text.find(',', valueAt) - valueAt, "123456789");
    QVERIFY2(refusal(edited).find("'Europe*Bikes'") != std::string::npos && refusal(edited).find("not the sum") != std::string::npos,
             refusal(edited).c_str());
    std::string relabelled = text;
    for (std::size_t i = relabelled.find(",region*category\n"); i != std::string::npos;
         i = relabelled.find(",region*category\n", i))
      relabelled.replace(i, 17, ",country*category\n");
    QVERIFY2(!refusal(relabelled).empty(), "a relabelled level was taken");
    // A crossed name whose path is the total's (found by reading the code:
    // its depth 0 indexed a level list at -1).
    const std::string totalInside = "series,date,value,level\nTotal,2020-01-01,3,total\nTotal*x,2020-01-01,3,a*k\n";
    QVERIFY2(refusal(totalInside).find("cannot be 'Total'") != std::string::npos, refusal(totalInside).c_str());
    QVERIFY2(refusal(totalInside).find("h.csv:3") != std::string::npos, refusal(totalInside).c_str());
  }

  // A grouped structure refuses two nodes of one name, and the methods that
  // split nodes level by level.
  void crossedGroupingRefusals() {
    const HierarchicalPanel g = awHierarchy("territory*category", Measure::Revenue);
    ReconcileInputs in;
    in.base = Eigen::MatrixXd::Ones(g.hierarchy.size(), 3);
    for (const ReconcileMethod m : {ReconcileMethod::TopDownFp, ReconcileMethod::MiddleOut}) {
      ReconcileOptions options;
      options.method = m;
      try {
        Reconciler::reconcile(g.hierarchy, in, options);
        QFAIL("a nested-only method ran on a grouped structure");
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("grouped") != std::string::npos, e.what());
      }
    }
    QCOMPARE(methodsFor(allReconcileMethods(), true).size(), allReconcileMethods().size() - 2);
  }

  void everyMethodIsCoherentOnTheProductAndTerritoryHierarchies_data() {
    QTest::addColumn<QString>("hierarchy");
    QTest::newRow("territory") << "territory";
    QTest::newRow("product") << "product";
    QTest::newRow("territory*category") << "territory*category";
  }
  void everyMethodIsCoherentOnTheProductAndTerritoryHierarchies() {
    QFETCH(QString, hierarchy);
    const bool products = hierarchy == QLatin1String("product");
    const HierarchicalPanel h = awHierarchy(hierarchy.toStdString().c_str(), products ? Measure::Quantity : Measure::Revenue);
    const int horizon = 28;
    ReconcileInputs in;
    in.base.resize(h.hierarchy.size(), horizon);
    in.history.resize(h.hierarchy.size(), h.panel.series.front().size());
    in.residuals.resize(h.hierarchy.size(), h.panel.series.front().size());
    for (int i = 0; i < h.hierarchy.size(); ++i) {
      const TimeSeries& s = h.panel.series[static_cast<std::size_t>(i)];
      const bool bottom = i >= h.hierarchy.firstBottom();
      // Aggregates by theta, so that the base forecasts do not add up.
      const auto model = test::fittedModel(bottom ? (products ? "croston(type=sba)" : "snaive") : "theta", s);
      in.base.row(i) = model->forecast(horizon, {}).mean.transpose();
      in.history.row(i) = s.values.transpose();
      in.residuals.row(i) = model->residuals().transpose();
    }
    QVERIFY(test::incoherence(h.hierarchy, in.base) > 1e-6);
    for (const ReconcileMethod m : methodsFor(allReconcileMethods(), h.hierarchy.isGrouped())) {
      ReconcileOptions options;
      options.method = m;
      options.middleDepth = 2;
      options.nonNegative = true;
      const ReconcileResult r = Reconciler::reconcile(h.hierarchy, in, options);
      const std::string name(reconcileMethodName(m));
      QVERIFY2(test::incoherence(h.hierarchy, r.mean) <= 1e-9, name.c_str());
      QVERIFY2(r.mean.minCoeff() >= 0, name.c_str());
      // Written and read back as a hierarchy's file: still coherent.
      HierarchicalPanel forecast{h.hierarchy, {}};
      for (int i = 0; i < h.hierarchy.size(); ++i)
        forecast.panel.series.push_back(TimeSeries{h.hierarchy.nodes()[static_cast<std::size_t>(i)].name,
                                                   Frequency::Daily, *Date::fromYmd(2017, 7, 1),
                                                   r.mean.row(i).transpose()});
      std::ostringstream out;
      HierarchicalSeries::write(out, forecast);
      const HierarchicalPanel back = HierarchicalSeries::read(out.str(), "forecast.csv");
      Eigen::MatrixXd y(back.hierarchy.size(), horizon);
      for (int i = 0; i < back.hierarchy.size(); ++i) y.row(i) = back.panel.series[static_cast<std::size_t>(i)].values;
      QVERIFY2(test::incoherence(back.hierarchy, y) <= 1e-9, name.c_str());
      qInfo("%s %s: incoherence %.3g, after the CSV %.3g", qPrintable(hierarchy), name.c_str(),
            test::incoherence(h.hierarchy, r.mean), test::incoherence(back.hierarchy, y));
    }
  }
};

QTEST_GUILESS_MAIN(HierarchicalSeriesTest)
#include "HierarchicalSeriesTest.moc"
