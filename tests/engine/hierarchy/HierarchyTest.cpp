// Hierarchy: nodes named by path and ordered top-down, the sparse summing
// matrix, path escaping, JSON round trip, and refusals that name the path.
#include <QtTest/QtTest>

#include "engine/common/Errors.h"
#include "engine/hierarchy/Hierarchy.h"

using namespace foresight;

namespace {

Hierarchy territories() {
  return Hierarchy::fromPaths({"region", "country", "territory"},
                              {{"North America", "United States", "Northwest"},
                               {"Europe", "France", "France"},
                               {"North America", "United States", "Central"},
                               {"North America", "Canada", "Canada"},
                               {"Pacific", "Australia", "Australia"}});
}

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

class HierarchyTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void nodesAreOrderedTopDownByPath() {
    const Hierarchy h = territories();
    std::vector<std::string> names;
    for (const auto& n : h.nodes()) names.push_back(n.name);
    const std::vector<std::string> expected = {"Total",
                                               "Europe",
                                               "North America",
                                               "Pacific",
                                               "Europe/France",
                                               "North America/Canada",
                                               "North America/United States",
                                               "Pacific/Australia",
                                               "Europe/France/France",
                                               "North America/Canada/Canada",
                                               "North America/United States/Central",
                                               "North America/United States/Northwest",
                                               "Pacific/Australia/Australia"};
    QCOMPARE(names, expected);
    QCOMPARE(h.bottomCount(), 5);
    QCOMPARE(h.firstBottom(), 8);
    QCOMPARE(h.levelName(0), std::string("total"));
    QCOMPARE(h.levelName(2), std::string("country"));
    const HierarchyNode& us = h.nodes()[static_cast<std::size_t>(h.find("North America/United States"))];
    QCOMPARE(us.parent, h.find("North America"));
    QCOMPARE(us.children, (std::vector<int>{10, 11}));
    QCOMPARE(h.bottomUnder(h.find("North America")), (std::vector<int>{1, 2, 3}));
    QCOMPARE(h.atDepth(1), (std::vector<int>{1, 2, 3}));
    QCOMPARE(h.find("Atlantis"), -1);
  }

  void summingMatrixAddsEachBottomSeriesToItsAncestors() {
    const Hierarchy h = territories();
    const Eigen::MatrixXd s(h.summingMatrix());
    QCOMPARE(s.rows(), Eigen::Index(13));
    QCOMPARE(s.cols(), Eigen::Index(5));
    QCOMPARE(s.row(0).sum(), 5.0);                                  // the total holds every one
    QCOMPARE(s.row(h.find("North America")).sum(), 3.0);
    QVERIFY(s.bottomRows(5).isIdentity());                          // bottom rows: I
    QCOMPARE(s(h.find("North America/United States"), 3), 1.0);     // Northwest
    QCOMPARE(s(h.find("Europe"), 3), 0.0);
    QCOMPARE(s.sum(), 5.0 * 4);                                      // each bottom in 4 nodes
  }

  void slashesInPartsAreEscaped() {
    const Hierarchy h = Hierarchy::fromPaths({"category", "product"},
                                             {{"Accessories", "Patch Kit/8 Patches"}, {"A\\B", "x"}});
    QVERIFY(h.find("Accessories/Patch Kit\\/8 Patches") >= 0);
    QVERIFY(h.find("A\\\\B/x") >= 0);
    QCOMPARE(Hierarchy::splitPath("Accessories/Patch Kit\\/8 Patches"),
             (std::vector<std::string>{"Accessories", "Patch Kit/8 Patches"}));
    QCOMPARE(Hierarchy::splitPath("Total"), std::vector<std::string>{});
    for (const auto& n : h.nodes()) QCOMPARE(Hierarchy::splitPath(n.name), n.parts);
  }

  void roundTripsThroughJson() {
    const Hierarchy h = territories();
    const Hierarchy back = Hierarchy::fromJson(nlohmann::json::parse(h.toJson().dump()));
    QCOMPARE(back.size(), h.size());
    for (int i = 0; i < h.size(); ++i) QCOMPARE(back.nodes()[i].name, h.nodes()[i].name);
    QCOMPARE(back.levels(), h.levels());
  }

  void badStructuresAreRefusedNamingThePath() {
    QVERIFY(refusal([] { Hierarchy::fromPaths({"a", "b"}, {{"x"}}); }).find("path 'x' has 1 part(s)") !=
            std::string::npos);
    QVERIFY(refusal([] { Hierarchy::fromPaths({"a"}, {{"x"}, {"x"}}); }).find("'x' appears twice") !=
            std::string::npos);
    QVERIFY(refusal([] { Hierarchy::fromPaths({"a", "b"}, {{"x", ""}}); }).find("empty part") != std::string::npos);
    QVERIFY(refusal([] { Hierarchy::fromPaths({"a"}, {{"Total"}}); }).find("used twice") != std::string::npos);
    QVERIFY(!refusal([] { Hierarchy::fromPaths({}, {{"x"}}); }).empty());
    QVERIFY(!refusal([] { Hierarchy::fromPaths({"a"}, {}); }).empty());
    QVERIFY(refusal([] { Hierarchy::fromJson({{"levels", {"a"}}, {"bottom", {{"x"}}}, {"extra", 1}}); })
                .find("hierarchy.extra") != std::string::npos);
    QVERIFY(refusal([] { Hierarchy::fromJson({{"levels", {"a"}}, {"bottom", {{1}}}}); })
                .find("hierarchy.bottom[0]") != std::string::npos);
  }

  // region -> country crossed with category: a node per combination of
  // levels, S agrees with a brute-force match of path prefixes, the tree
  // (parent/children) is a tree, summands split each node one way.
  void crossedDimensionsMakeEveryCombination() {
    const Hierarchy h = Hierarchy::crossed({{"region", "country"}, {"category"}},
                                           {{"Europe", "France", "Bikes"},
                                            {"Europe", "France", "Clothing"},
                                            {"Europe", "Germany", "Bikes"},
                                            {"Pacific", "Australia", "Bikes"}});
    QVERIFY(h.isGrouped());
    QCOMPARE(h.levels(), (std::vector<std::string>{"region", "country", "category", "region*category",
                                                   "country*category"}));
    std::vector<std::string> names;
    for (const auto& n : h.nodes()) names.push_back(n.name);
    const std::vector<std::string> expected = {
        "Total", "Europe", "Pacific", "Europe/France", "Europe/Germany", "Pacific/Australia", "Bikes", "Clothing",
        "Europe*Bikes", "Europe*Clothing", "Pacific*Bikes", "Europe/France*Bikes", "Europe/France*Clothing",
        "Europe/Germany*Bikes", "Pacific/Australia*Bikes"};
    QCOMPARE(names, expected);
    QCOMPARE(h.bottomCount(), 4);
    const Eigen::MatrixXd s(h.summingMatrix());
    for (int i = 0; i < h.size(); ++i) {
      const HierarchyNode& n = h.nodes()[static_cast<std::size_t>(i)];
      // The node's key, dimension by dimension, against each bottom path.
      for (int b = 0; b < h.bottomCount(); ++b) {
        const auto& path = h.nodes()[static_cast<std::size_t>(h.firstBottom() + b)].parts;
        const std::vector<std::string> region(path.begin(), path.begin() + n.depths[0]);
        const std::vector<std::string> category(path.begin() + 2, path.begin() + 2 + n.depths[1]);
        std::vector<std::string> key = region;
        key.insert(key.end(), category.begin(), category.end());
        QCOMPARE(s(i, b), key == n.parts ? 1.0 : 0.0);
      }
      if (n.parent >= 0) {
        const auto& siblings = h.nodes()[static_cast<std::size_t>(n.parent)].children;
        QVERIFY(std::count(siblings.begin(), siblings.end(), i) == 1);
      }
    }
    QCOMPARE(h.nodes()[static_cast<std::size_t>(h.find("Europe/France*Bikes"))].parent, h.find("Europe/France"));
    QCOMPARE(h.nodes()[static_cast<std::size_t>(h.find("Bikes"))].parent, 0);
    QCOMPARE(h.summands(0), (std::vector<int>{h.find("Europe"), h.find("Pacific")}));
    QCOMPARE(h.summands(h.find("Bikes")), (std::vector<int>{h.find("Europe*Bikes"), h.find("Pacific*Bikes")}));
    QCOMPARE(h.summands(h.find("Europe/France")),
             (std::vector<int>{h.find("Europe/France*Bikes"), h.find("Europe/France*Clothing")}));
    QCOMPARE(h.bottomUnder(h.find("Bikes")), (std::vector<int>{0, 2, 3}));
    QCOMPARE(h.columns(), (std::vector<std::string>{"region", "country", "category"}));
    QCOMPARE(h.columnValues(h.find("Europe*Clothing")), (std::vector<std::string>{"Europe", "", "Clothing"}));
    QCOMPARE(h.label(h.find("Europe*Clothing")), std::string("\u00d7 Clothing"));
    QCOMPARE(h.label(h.find("Europe/France*Clothing")), std::string("\u00d7 Clothing"));
    QCOMPARE(h.label(h.find("Clothing")), std::string("Clothing"));
    QCOMPARE(h.label(0), std::string("Total"));
    QCOMPARE(h.label(h.find("Europe/France")), std::string("France"));
    const Hierarchy back = Hierarchy::fromJson(nlohmann::json::parse(h.toJson().dump()));
    QVERIFY(h.toJson().contains("dimensions"));
    QCOMPARE(back.toJson(), h.toJson());
    QCOMPARE(back.size(), h.size());
  }

  // '*' separates dimensions only in a grouped structure: escaped there,
  // left as it was in a nested hierarchy's names.
  void starsInPartsAreEscapedWhereTheySeparate() {
    const Hierarchy grouped = Hierarchy::crossed({{"shop"}, {"kind"}}, {{"a*b", "x"}, {"c", "y\\*"}});
    QVERIFY(grouped.find("a\\*b*x") >= 0);
    for (const auto& n : grouped.nodes()) {
      std::vector<std::string> parts;
      for (const auto& path : Hierarchy::splitCrossed(n.name))
        for (const auto& part : Hierarchy::splitPath(path)) parts.push_back(part);
      if (n.name != "Total") QCOMPARE(parts, n.parts);
    }
    QVERIFY(Hierarchy::fromPaths({"shop"}, {{"a*b"}}).find("a*b") >= 0);
  }

  void crossedStructuresRefuseAmbiguousNames() {
    QVERIFY(refusal([] { Hierarchy::crossed({{"region"}, {"category"}}, {{"Other", "Other"}}); })
                .find("used twice") != std::string::npos);
    QVERIFY(refusal([] { Hierarchy::crossed({{"a"}, {"a"}}, {{"x", "y"}}); }).find("named twice") != std::string::npos);
    QVERIFY(refusal([] { Hierarchy::crossed({{"a*b"}, {"c"}}, {{"x", "y"}}); }).find("'*'") != std::string::npos);
    QVERIFY(refusal([] { Hierarchy::crossed({{"a"}, {"c"}}, {{"x"}}); }).find("1 part(s)") != std::string::npos);
    // A CSV writer would quote "-x" alone but not inside "a*-x": refused.
    QVERIFY(refusal([] { Hierarchy::crossed({{"a"}, {"c"}}, {{"x", "-y"}}); }).find("formula") != std::string::npos);
    QVERIFY(Hierarchy::fromPaths({"a"}, {{"-y"}}).find("-y") >= 0);  // a nested name keeps its quote consistently
    QVERIFY(refusal([] { Hierarchy::fromJson({{"dimensions", {{"a"}}}, {"bottom", {{"x"}}}}); })
                .find("hierarchy.dimensions") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(HierarchyTest)
#include "HierarchyTest.moc"
