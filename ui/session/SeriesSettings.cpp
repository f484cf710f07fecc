#include "ui/session/SeriesSettings.h"

#include <QStringList>
#include <string>

#include "engine/common/Errors.h"

namespace foresight::ui {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

[[noreturn]] void badField(const char* field, const QString& value) {
  InputLocation where;
  where.file = "workspace";
  where.field = std::string("series.") + field;
  where.value = value.toStdString();
  throw InputError(where, "unknown value");
}

}  // namespace

bool SeriesSettings::operator==(const SeriesSettings& o) const {
  const SeriesRequest& a = request;
  const SeriesRequest& b = o.request;
  return a.measure == b.measure && a.frequency == b.frequency && a.groupBy == b.groupBy &&
         a.aggregation == b.aggregation && a.fill == b.fill && a.from == b.from && a.to == b.to &&
         columns.dateColumn == o.columns.dateColumn && columns.valueColumn == o.columns.valueColumn &&
         columns.seriesColumn == o.columns.seriesColumn && columns.dateFormat == o.columns.dateFormat &&
         query == o.query && skipBadRows == o.skipBadRows;
}

QJsonObject SeriesSettings::toJson() const {
  QJsonObject j;
  if (request.measure) j[QStringLiteral("measure")] = qs(measureName(*request.measure));
  j[QStringLiteral("freq")] = qs(frequencyCode(request.frequency));
  if (request.groupBy) j[QStringLiteral("by")] = qs(dimensionName(*request.groupBy));
  j[QStringLiteral("agg")] = qs(aggregationName(request.aggregation));
  if (request.fill) j[QStringLiteral("fill")] = qs(gapPolicyName(*request.fill));
  if (request.from) j[QStringLiteral("from")] = QString::fromStdString(request.from->toIso());
  if (request.to) j[QStringLiteral("to")] = QString::fromStdString(request.to->toIso());
  if (!columns.dateColumn.empty()) j[QStringLiteral("dateColumn")] = QString::fromStdString(columns.dateColumn);
  if (!columns.valueColumn.empty()) j[QStringLiteral("valueColumn")] = QString::fromStdString(columns.valueColumn);
  if (!columns.seriesColumn.empty()) j[QStringLiteral("seriesColumn")] = QString::fromStdString(columns.seriesColumn);
  if (columns.dateFormat) j[QStringLiteral("dateFormat")] = qs(dateFormatName(*columns.dateFormat));
  if (!query.isEmpty()) j[QStringLiteral("query")] = query;
  if (skipBadRows) j[QStringLiteral("skipBadRows")] = true;
  return j;
}

SeriesSettings SeriesSettings::fromJson(const QJsonObject& j) {
  SeriesSettings s;
  auto text = [&](const char* key) { return j.value(QLatin1String(key)).toString(); };
  if (j.contains(QLatin1String("measure"))) {
    auto m = parseMeasure(text("measure").toStdString());
    if (!m) badField("measure", text("measure"));
    s.request.measure = *m;
  }
  if (j.contains(QLatin1String("freq"))) {
    auto f = parseFrequency(text("freq").toStdString());
    if (!f) badField("freq", text("freq"));
    s.request.frequency = *f;
  }
  if (j.contains(QLatin1String("by"))) {
    auto d = parseDimension(text("by").toStdString());
    if (!d) badField("by", text("by"));
    s.request.groupBy = *d;
  }
  if (j.contains(QLatin1String("agg"))) {
    auto a = parseAggregation(text("agg").toStdString());
    if (!a) badField("agg", text("agg"));
    s.request.aggregation = *a;
  }
  if (j.contains(QLatin1String("fill"))) {
    auto g = parseGapPolicy(text("fill").toStdString());
    if (!g) badField("fill", text("fill"));
    s.request.fill = *g;
  }
  for (const char* key : {"from", "to"}) {
    if (!j.contains(QLatin1String(key))) continue;
    auto d = Date::parseIso(text(key).toStdString());
    if (!d) badField(key, text(key));
    (std::string(key) == "from" ? s.request.from : s.request.to) = *d;
  }
  s.columns.dateColumn = text("dateColumn").toStdString();
  s.columns.valueColumn = text("valueColumn").toStdString();
  s.columns.seriesColumn = text("seriesColumn").toStdString();
  if (j.contains(QLatin1String("dateFormat"))) {
    auto f = parseDateFormatName(text("dateFormat").toStdString());
    if (!f) badField("dateFormat", text("dateFormat"));
    s.columns.dateFormat = *f;
  }
  s.query = text("query");
  s.skipBadRows = j.value(QLatin1String("skipBadRows")).toBool(false);
  return s;
}

QString SeriesSettings::describe() const {
  QStringList parts;
  parts << (request.measure ? qs(measureName(*request.measure)) : QStringLiteral("default measure"));
  parts << qs(frequencyCode(request.frequency));
  if (request.groupBy) parts << QStringLiteral("by ") + qs(dimensionName(*request.groupBy));
  parts << qs(aggregationName(request.aggregation));
  parts << QStringLiteral("gaps: ") + qs(gapPolicyName(request.effectiveFill()));
  if (skipBadRows) parts << QStringLiteral("bad rows skipped");
  return parts.join(QStringLiteral(", "));
}

}  // namespace foresight::ui
