#include "engine/models/regression/EventCalendar.h"

#include <algorithm>  // std::lower_bound, std::sort
#include <cctype>     // std::tolower, std::isspace, std::isdigit

#include "engine/common/Errors.h"
#include "engine/common/Text.h"
#include "engine/io/DelimitedReader.h"
#include "engine/models/JsonFields.h"

namespace foresight {

namespace {
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int columnNamed(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (std::size_t i = 0; i < header.size(); ++i)
    for (const char* n : names)
      if (lower(std::string(trimWhitespace(header[i]))) == n) return static_cast<int>(i);
  return -1;
}
}  // namespace

void EventCalendar::add(const std::string& name, Date date) {
  auto& dates = user_[name];
  const auto at = std::lower_bound(dates.begin(), dates.end(), date);
  if (at == dates.end() || *at != date) dates.insert(at, date);
}

EventCalendar EventCalendar::readCsv(const std::filesystem::path& file) {
  const std::string source = file.string();
  DelimitedReadOptions options;
  options.delimiter = ',';
  options.hasHeader = false;  // decided below: a date in the first cell means data
  const RawTable table = DelimitedReader::readFile(source, options).table;
  if (table.columnCount() < 2)
    throw InputError(InputLocation{source, 1, "", ""}, "expected two columns, date,name");
  std::size_t first = 0;
  int dateCol = 0, nameCol = 1;
  // A first row that does not start like a date is a header.
  const std::string head = table.rows.empty() ? "" : std::string(trimWhitespace(table.rows[0][0]));
  if (!head.empty() && !std::isdigit(static_cast<unsigned char>(head[0]))) {
    dateCol = columnNamed(table.rows[0], {"date", "ds"});
    nameCol = columnNamed(table.rows[0], {"name", "holiday", "event"});
    if (dateCol < 0 || nameCol < 0)
      throw InputError(InputLocation{source, table.lineNumbers[0], "", table.rows[0][0]},
                       "the header must name a date column (date or ds) and a name column (name, holiday or event)");
    first = 1;
  }
  EventCalendar calendar;
  for (std::size_t r = first; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const std::size_t line = table.lineNumbers[r];
    const std::string dateText = std::string(trimWhitespace(row[static_cast<std::size_t>(dateCol)]));
    const std::string name = std::string(trimWhitespace(row[static_cast<std::size_t>(nameCol)]));
    const auto date = Date::parseIso(dateText);
    if (!date) throw InputError(InputLocation{source, line, "date", dateText}, "not a date in the form YYYY-MM-DD");
    if (name.empty()) throw InputError(InputLocation{source, line, "name", ""}, "the event has no name");
    calendar.add(name, *date);
  }
  if (calendar.user_.empty()) throw InputError(InputLocation{source, 0, "", ""}, "the file holds no events");
  return calendar;
}

std::vector<NamedDate> EventCalendar::between(Date from, Date to) const {
  std::vector<NamedDate> out = usHolidays_ ? UsHolidays::between(from, to) : std::vector<NamedDate>{};
  for (const auto& [name, dates] : user_)
    for (auto it = std::lower_bound(dates.begin(), dates.end(), from); it != dates.end() && *it <= to; ++it)
      out.push_back({name, *it});
  std::sort(out.begin(), out.end(),
            [](const NamedDate& a, const NamedDate& b) { return a.date != b.date ? a.date < b.date : a.name < b.name; });
  return out;
}

nlohmann::json EventCalendar::toJson() const {
  nlohmann::json events = nlohmann::json::object();
  for (const auto& [name, dates] : user_) {
    nlohmann::json list = nlohmann::json::array();
    for (const Date d : dates) list.push_back(d.toIso());
    events[name] = list;
  }
  return {{"us_holidays", usHolidays_}, {"events", events}};
}

EventCalendar EventCalendar::fromJson(const nlohmann::json& j) {
  EventCalendar c;
  c.usHolidays_ = json_fields::boolean(j, "us_holidays");
  const auto& events = json_fields::field(j, "events");
  if (!events.is_object()) throw InputError(InputLocation{"", 0, "events", ""}, "expected an object of date lists");
  for (const auto& [name, dates] : events.items()) {
    const std::string field = "events." + name;
    if (name.empty() || !dates.is_array() || dates.empty())
      throw InputError(InputLocation{"", 0, field, ""}, "expected a named, non-empty list of dates");
    for (const auto& d : dates) {
      const auto date = d.is_string() ? Date::parseIso(d.get<std::string>()) : std::nullopt;
      if (!date) throw InputError(InputLocation{"", 0, field, d.dump()}, "not a date in the form YYYY-MM-DD");
      c.add(name, *date);
    }
  }
  return c;
}

}  // namespace foresight
