// The one rule for what counts as a secret in text the product shows or
// stores: access-log query strings, registry lineage (command lines), error
// messages naming a database URI.
#pragma once

#include <string>
#include <string_view>

namespace foresight {

// A parameter, option or variable name that may carry a secret: api_key,
// API_KEY, apikey, access-token, password, PGPASSWORD, ... Case and the
// separators _ - . are ignored, so misspellings are caught too.
bool isSecretName(std::string_view name);

// `text` with every secret value replaced by ***:
//   scheme://user:PASSWORD@host     -> scheme://user:***@host
//   NAME=VALUE (NAME secret-like)   -> NAME=***   (env assignments, query
//                                                  strings, conninfo)
//   --NAME VALUE, --NAME=VALUE      -> --NAME ***  (options naming a secret;
//                                                  not ones naming a file or path)
std::string redactSecrets(std::string_view text);

}  // namespace foresight
