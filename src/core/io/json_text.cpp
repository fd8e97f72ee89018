#include "core/io/json_text.h"

namespace dramatis {

std::string dump_json(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

std::string json_preview(const nlohmann::json& value) {
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  if (!value.is_string()) return dump_json(value);
  // Cut the string before quoting it, so the cut never splits an escape, and back off to the
  // start of a UTF-8 character so a valid name is not cut into a replacement character.
  constexpr size_t kMaxBytes = 60;
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() <= kMaxBytes) return dump_json(value);
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return dump_json(nlohmann::json(text.substr(0, cut))) + "...";
}

}  // namespace dramatis
