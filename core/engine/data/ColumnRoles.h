// Decides which columns of a generic table hold the date, the value and the
// series name: named by the user, or detected from names and contents.
#pragma once

#include <optional>

#include "engine/data/LoadOptions.h"
#include "engine/io/DateParser.h"
#include "engine/io/RawTable.h"

namespace foresight {

struct ColumnRoles {
  std::size_t date = 0;
  std::size_t value = 0;
  std::optional<std::size_t> series;
  DateFormat dateFormat = DateFormat::Iso;

  // Throws InputError naming the table and the missing or ambiguous column.
  static ColumnRoles resolve(const RawTable& table, const ColumnMapping& mapping);
};

}  // namespace foresight
