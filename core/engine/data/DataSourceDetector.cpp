#include "engine/data/DataSourceDetector.h"

#include <filesystem>
#include <system_error>

#include "engine/common/Errors.h"
#include "engine/io/InputFile.h"

namespace foresight {

namespace {

namespace fs = std::filesystem;

std::string oltpNames() {
  std::string s;
  for (const auto& spec : OltpTableSpec::all()) s += (s.empty() ? "" : ", ") + std::string(spec.name) + ".csv";
  return s;
}

std::vector<DatasetRef> detectFolder(const std::string& path) {
  AdventureWorksFiles aw = AdventureWorksFiles::scan(path);
  if (!aw.sales.empty()) return {DatasetRef{DatasetKind::AdventureWorks, path, std::move(aw), nullptr}};
  std::vector<DatasetRef> tables;
  for (const auto& file : aw.ignored)
    if (const auto* spec = OltpTableSpec::forFileName(fs::path(file).filename().string()))
      tables.push_back(DatasetRef{DatasetKind::OltpTable, file, {}, spec});
  if (!tables.empty()) return tables;
  const bool anyAw = !aw.products.empty() || !aw.territories.empty() || !aw.subcategories.empty() ||
                     !aw.categories.empty() || !aw.returns.empty() || !aw.calendar.empty();
  if (anyAw)
    throw InputError(InputLocation{path, 0, "", ""},
                     "the folder has Adventure Works lookup files but no sales files "
                     "(AdventureWorks_Sales_*.csv)");
  const bool empty = aw.ignored.empty();
  throw InputError(InputLocation{path, 0, "", ""},
                   std::string(empty ? "the folder is empty" : "the folder holds no readable dataset") +
                       ": expected an Adventure Works sales export (AdventureWorks_Sales_*.csv with "
                       "AdventureWorks_Products.csv) or OLTP tables (" + oltpNames() +
                       "); for any other file, name the file itself");
}

}  // namespace

std::vector<DatasetRef> DataSourceDetector::detect(const std::string& path) {
  // "-": a delimited table on standard input, read by the one input rule.
  if (isStandardInput(path)) return {DatasetRef{DatasetKind::Delimited, path, {}, nullptr}};
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found)
    throw InputError(InputLocation{path, 0, "", ""}, "no such file or folder");
  // A symlink loop, a permission problem: the system's reason, not "missing".
  if (ec) throw InputError(InputLocation{path, 0, "", ""}, "cannot access: " + ec.message());
  if (fs::is_directory(status)) return detectFolder(path);
  const std::string name = fs::path(path).filename().string();
  if (AdventureWorksFiles::isSalesFileName(name)) {
    // One year's sales file: the lookups come from the same folder.
    const std::string folder = fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string();
    AdventureWorksFiles aw = AdventureWorksFiles::scan(folder);
    aw.sales = {path};
    return {DatasetRef{DatasetKind::AdventureWorks, path, std::move(aw), nullptr}};
  }
  if (const auto* spec = OltpTableSpec::forFileName(name))
    return {DatasetRef{DatasetKind::OltpTable, path, {}, spec}};
  return {DatasetRef{DatasetKind::Delimited, path, {}, nullptr}};
}

}  // namespace foresight
