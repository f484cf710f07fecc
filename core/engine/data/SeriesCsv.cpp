#include "engine/data/SeriesCsv.h"

#include <charconv>  // std::to_chars
#include <cmath>     // std::isnan, std::fabs
#include <fstream>
#include <ostream>

#include "engine/common/Errors.h"
#include "engine/data/SeriesCsvParser.h"
#include "engine/io/DelimitedReader.h"

namespace foresight {

namespace {

// RFC 4180: quote a name holding the delimiter, a quote or a line break.
void writeName(std::ostream& out, const std::string& name) {
  if (name.find_first_of(",\"\r\n") == std::string::npos) {
    out << name;
    return;
  }
  out << '"';
  for (char c : name) out << (c == '"' ? "\"\"" : std::string(1, c));
  out << '"';
}

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

void SeriesCsv::write(std::ostream& out, const Panel& panel) {
  out << "series,date,value\n";
  for (const auto& s : panel.series)
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      writeName(out, s.name);
      out << ',' << s.dateAt(i).toIso() << ',' << formatValue(s.values[i]) << '\n';
    }
}

void SeriesCsv::writeFile(const std::string& path, const Panel& panel) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw InputError(InputLocation{path, 0, "", ""}, "cannot open the file for writing");
  write(out, panel);
  out.flush();
  if (!out) throw InputError(InputLocation{path, 0, "", ""}, "writing failed (disk full?)");
}

namespace {

DelimitedReadOptions csvOptions() {
  DelimitedReadOptions o;
  o.delimiter = ',';
  o.hasHeader = false;  // the parser recognises the optional header itself
  return o;
}

}  // namespace

Panel SeriesCsv::read(std::string_view text, const std::string& sourceName) {
  return SeriesCsvParser::parse(DelimitedReader::readText(text, sourceName, csvOptions()).table);
}

Panel SeriesCsv::readFile(const std::string& path) {
  return SeriesCsvParser::parse(DelimitedReader::readFile(path, csvOptions()).table);
}

}  // namespace foresight
