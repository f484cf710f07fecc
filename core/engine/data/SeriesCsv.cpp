#include "engine/data/SeriesCsv.h"

#include <charconv>  // std::to_chars
#include <cmath>     // std::isnan, std::fabs
#include <ostream>

#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"
#include "engine/data/SeriesCsvParser.h"
#include "engine/io/AtomicFileWriter.h"
#include "engine/io/DelimitedReader.h"

namespace foresight {

namespace {

void writeName(std::ostream& out, const std::string& name) { out << csvTextField(name); }

}  // namespace

std::string SeriesCsv::formatValue(double v) {
  if (std::isnan(v)) return "";
  if (v == 0.0) return "0";  // also turns -0 into 0
  char buf[400];
  const double a = std::fabs(v);
  const bool plain = a >= 1e-6 && a < 1e16;
  const auto r = plain ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                       : std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

namespace {

void writeSeries(std::ostream& out, const TimeSeries& s) {
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    writeName(out, s.name);
    out << ',' << s.dateAt(i).toIso() << ',' << SeriesCsv::formatValue(s.values[i]) << '\n';
  }
}

}  // namespace

void SeriesCsv::write(std::ostream& out, const Panel& panel) {
  out << "series,date,value\n";
  for (const auto& s : panel.series) writeSeries(out, s);
}

void SeriesCsv::writeFile(const std::string& path, const Panel& panel, const CancellationToken* cancel,
                          const ProgressSink& progress) {
  AtomicFileWriter file(path, cancel);
  file.stream() << "series,date,value\n";
  const std::string step = "writing " + path;
  for (std::size_t i = 0; i < panel.series.size(); ++i) {
    if (progress) progress(static_cast<double>(i) / static_cast<double>(panel.series.size()), step);
    file.checkCancelled();
    writeSeries(file.stream(), panel.series[i]);
  }
  file.commit();
  if (progress) progress(1.0, step);
}

namespace {

DelimitedReadOptions csvOptions() {
  DelimitedReadOptions o;
  o.delimiter = ',';
  o.hasHeader = false;  // the parser recognises the optional header itself
  return o;
}

}  // namespace

RawTable SeriesCsv::table(std::string_view text, const std::string& sourceName) {
  return DelimitedReader::readText(text, sourceName, csvOptions()).table;
}

RawTable SeriesCsv::tableFile(const std::string& path) { return DelimitedReader::readFile(path, csvOptions()).table; }

Panel SeriesCsv::read(std::string_view text, const std::string& sourceName) {
  return SeriesCsvParser::parse(table(text, sourceName));
}

Panel SeriesCsv::readFile(const std::string& path) { return SeriesCsvParser::parse(tableFile(path)); }

}  // namespace foresight
