// Telling a hierarchy's series file (HierarchicalSeries: the tidy series CSV
// with a fourth `level` column) from any other delimited file, by its header
// as the engine's readers tell it. Such a file holds every level of the
// hierarchy, so summing its rows ("one series in all") would count every
// sale once per level: the import reads it as a hierarchy instead.
#pragma once

#include <QString>

namespace foresight::ui {

class HierarchyFile {
 public:
  // True when `path` is a regular file whose first line is the header
  // `series,date,value,level` (a UTF-8 BOM, spaces and quotes around the
  // names are ignored; the names are matched exactly, as the engine's
  // readers match them). False for folders, database URIs and anything
  // unreadable: the ordinary import then reports what is wrong.
  static bool isHierarchical(const QString& path);
};

}  // namespace foresight::ui
