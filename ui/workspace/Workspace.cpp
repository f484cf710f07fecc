#include "ui/workspace/Workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "engine/common/Errors.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

namespace {

[[noreturn]] void bad(const QString& file, const QString& field, const std::string& problem) {
  InputLocation where;
  where.file = file.toStdString();
  where.field = field.toStdString();
  throw InputError(where, problem);
}

QString requireString(const QJsonObject& j, const char* key, const QString& file) {
  const QJsonValue v = j.value(QLatin1String(key));
  if (!v.isString()) bad(file, QString::fromUtf8(key), v.isUndefined() ? "missing" : "must be a string");
  return v.toString();
}

}  // namespace

Workspace Workspace::of(const WorkbenchSession& session) {
  Workspace w;
  w.source = session.sourcePath();
  w.settings = session.seriesSettings();
  w.seriesNames = session.seriesNames();
  w.selectedSeries = session.currentSeriesName();
  w.registryUri = session.registryUri();
  w.modelReference = session.modelReference();
  w.candidates = session.candidateSpecs();
  w.backtest = session.backtestSettings();
  // Keep the built names beside the current ones so renames can be replayed.
  const QStringList built = session.builtNames();
  for (qsizetype i = 0; i < w.seriesNames.size() && i < built.size(); ++i)
    w.builtNames.append(built[i]);
  return w;
}

QJsonObject Workspace::toJson() const {
  QJsonObject j;
  j[QStringLiteral("schema")] = QString::fromUtf8(kSchema);
  j[QStringLiteral("source")] = source;
  j[QStringLiteral("series_settings")] = settings.toJson();
  QJsonArray series;
  for (qsizetype i = 0; i < seriesNames.size(); ++i) {
    QJsonObject s;
    s[QStringLiteral("name")] = seriesNames[i];
    s[QStringLiteral("built_as")] = i < builtNames.size() ? builtNames[i] : seriesNames[i];
    series.append(s);
  }
  j[QStringLiteral("series")] = series;
  j[QStringLiteral("selected")] = selectedSeries;
  j[QStringLiteral("registry")] = registryUri;
  if (!modelReference.isEmpty()) j[QStringLiteral("model")] = modelReference;
  j[QStringLiteral("candidates")] = QJsonArray::fromStringList(candidates);
  if (!backtest.isEmpty()) j[QStringLiteral("backtest")] = backtest;
  return j;
}

bool Workspace::isWorkspaceFile(const QString& path) {
  if (path.endsWith(QStringLiteral(".fsw.json")) || path.endsWith(QStringLiteral(".workspace.json"))) return true;
  if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) return false;
  QFile file(path);
  if (file.size() > kMaxSniffBytes || !file.open(QIODevice::ReadOnly)) return false;
  const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxSniffBytes));
  return doc.isObject() && doc.object().value(QStringLiteral("schema")).toString() == QString::fromUtf8(kSchema);
}

Workspace Workspace::fromJson(const QJsonObject& j, const QString& file) {
  if (j.value(QStringLiteral("schema")).toString() != QString::fromUtf8(kSchema))
    bad(file, QStringLiteral("schema"), std::string("expected \"") + kSchema + "\"");
  Workspace w;
  w.source = requireString(j, "source", file);
  const QJsonValue settings = j.value(QStringLiteral("series_settings"));
  if (!settings.isObject()) bad(file, QStringLiteral("series_settings"), "must be an object");
  try {
    w.settings = SeriesSettings::fromJson(settings.toObject());
  } catch (const InputError& e) {
    InputLocation where = e.where();
    where.file = file.toStdString();
    throw InputError(where, e.problem());
  }
  const QJsonValue series = j.value(QStringLiteral("series"));
  if (!series.isArray()) bad(file, QStringLiteral("series"), "must be an array");
  for (const QJsonValue& v : series.toArray()) {
    const QJsonObject s = v.toObject();
    w.seriesNames << requireString(s, "name", file);
    w.builtNames << requireString(s, "built_as", file);
  }
  w.selectedSeries = j.value(QStringLiteral("selected")).toString();
  w.registryUri = j.value(QStringLiteral("registry")).toString();
  w.modelReference = j.value(QStringLiteral("model")).toString();
  const QJsonValue candidates = j.value(QStringLiteral("candidates"));
  if (!candidates.isUndefined()) {
    if (!candidates.isArray()) bad(file, QStringLiteral("candidates"), "must be an array of model specs");
    const QJsonArray list = candidates.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
      if (!list[i].isString())
        bad(file, QStringLiteral("candidates[%1]").arg(i), "must be a model spec such as \"ets(trend=Ad)\"");
      w.candidates << list[i].toString();
    }
  }
  const QJsonValue backtest = j.value(QStringLiteral("backtest"));
  if (!backtest.isUndefined()) {
    if (!backtest.isObject()) bad(file, QStringLiteral("backtest"), "must be an object");
    w.backtest = backtest.toObject();
  }
  return w;
}

void Workspace::applyTo(WorkbenchSession& session) const {
  // A file from before these were kept leaves the session's (recommended) ones.
  if (!candidates.isEmpty()) session.setCandidateSpecs(candidates);
  if (!backtest.isEmpty()) session.setBacktestSettings(backtest);
}

void Workspace::save(const QString& file) const {
  QSaveFile out(file);
  if (!out.open(QIODevice::WriteOnly))
    bad(file, QString(), "cannot write: " + out.errorString().toStdString());
  out.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
  if (!out.commit()) bad(file, QString(), "cannot write: " + out.errorString().toStdString());
}

Workspace Workspace::load(const QString& file) {
  QFile in(file);
  if (!in.open(QIODevice::ReadOnly)) bad(file, QString(), "cannot open: " + in.errorString().toStdString());
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &error);
  if (error.error != QJsonParseError::NoError) {
    InputLocation where;
    where.file = file.toStdString();
    throw InputError(where, "not valid JSON at byte " + std::to_string(error.offset) + ": " +
                                error.errorString().toStdString());
  }
  if (!doc.isObject()) bad(file, QString(), "expected a JSON object");
  return fromJson(doc.object(), file);
}

}  // namespace foresight::ui
