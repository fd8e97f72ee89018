// JSON to text for output and for error messages. Text from documents, file names and user
// edits can hold invalid UTF-8, which nlohmann's default dump throws on (and the WASM build
// does not catch exceptions), so every dump of such text goes through dump_json. Error
// messages quote a user's value with json_preview, which never walks into nested values.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace dramatis {

// `value.dump(indent)`, with invalid UTF-8 replaced by U+FFFD instead of throwing.
std::string dump_json(const nlohmann::json& value, int indent = -1);

// A short quote of a value for an error message: a scalar as JSON (a long string cut to about
// 60 bytes, marked "..."), an array or object by its type only ("an array", "an object"),
// so a deeply nested or huge value costs neither stack nor a flood of text.
std::string json_preview(const nlohmann::json& value);

}  // namespace dramatis
