// Small helpers about letter case in names, shared by the entity stages. ASCII-only case mapping
// is enough here: they compare word forms, they never display them.
#pragma once

#include <string>
#include <string_view>

#include "core/text/ascii.h"

namespace dramatis {

// The first byte is an ASCII capital ("Texas", "U.S."; not "iPhone", nor a non-ASCII letter).
bool starts_upper(std::string_view word);

// An uppercase letter after a lowercase one (PyTorch, OpenAI, LeCun, iPhone).
bool has_inner_capital(std::string_view word);

// Surnames with a capital inside by custom: McKinsey, MacArthur, LeCun, DeMarco, O'Brien.
bool has_surname_prefix(std::string_view word);

using text::to_lower_ascii;

// Short words that title case leaves lower-case ("of", "the", "and", "in", ...).
bool is_title_case_function_word(std::string_view word);

}  // namespace dramatis
