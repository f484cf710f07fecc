// The one writer of CSV text fields: every CSV the product writes (REST
// format=csv, `forecast`, `export powerbi`, `data series`) spells a text cell
// through it.
//
// RFC 4180 quoting (a field holding a comma, quote or line break is quoted,
// quotes doubled), plus formula neutralisation as OWASP recommends for CSV
// opened in Excel or Power BI: text starting with `=`, `+`, `-`, `@`, a tab
// or a carriage return is written quoted with a single quote in front
// (`"'=cmd|' /C calc'!A0"`), so a spreadsheet shows it as text instead of
// running it. Numbers are not text fields and never pass through here.
#pragma once

#include <string>
#include <string_view>

namespace foresight {

// True when a spreadsheet would read `text` as a formula.
bool csvLooksLikeFormula(std::string_view text);
// Appends `text` to `out` as one CSV field.
void appendCsvTextField(std::string& out, std::string_view text);
// `text` as one CSV field.
std::string csvTextField(std::string_view text);

}  // namespace foresight
