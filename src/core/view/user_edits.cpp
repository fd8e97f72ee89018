#include "core/view/user_edits.h"

#include <cmath>

#include "core/io/json_parse.h"
#include "core/io/json_text.h"

namespace dramatis {
namespace {

using nlohmann::json;

constexpr std::string_view kSchema = "dramatis.edits/1";

const char* type_name(const json& value) {
  return value.type_name();
}

// Reads the edits' fields, each with its path, leaving out (with an error) what has the wrong type.
class EditsReader {
 public:
  EditsReader(const std::string& file, std::vector<Diagnostic>& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  void wrong(const std::string& path, const char* expected, const json& got) {
    diagnostics_.push_back(make_error(
        file_, path + " should be " + expected + ", not " + type_name(got) + "; entry left out"));
  }

  // A non-empty string at `object[key]`; nullopt (with an error) otherwise.
  std::optional<std::string> id(const json& object, const char* key, const std::string& path) {
    const std::string field = path + "." + key;
    const auto it = object.find(key);
    if (it == object.end()) {
      diagnostics_.push_back(make_error(file_, field + " is missing; entry left out"));
      return std::nullopt;
    }
    if (!it->is_string()) {
      wrong(field, "a string", *it);
      return std::nullopt;
    }
    if (it->get_ref<const std::string&>().empty()) {
      diagnostics_.push_back(make_error(file_, field + " is empty; entry left out"));
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  std::optional<double> number(const json& object, const char* key, const std::string& path) {
    const std::string field = path + "." + key;
    const auto it = object.find(key);
    if (it == object.end()) {
      diagnostics_.push_back(make_error(file_, field + " is missing; entry left out"));
      return std::nullopt;
    }
    if (!it->is_number()) {
      wrong(field, "a number", *it);
      return std::nullopt;
    }
    const double value = it->get<double>();
    if (!std::isfinite(value)) {
      diagnostics_.push_back(make_error(file_, field + " is not finite; entry left out"));
      return std::nullopt;
    }
    return value;
  }

  // The field `key` of the root when it has type `is` (or is absent: nullptr).
  template <class Is>
  const json* section(const json& root, const char* key, const char* expected, Is is) {
    const auto it = root.find(key);
    if (it == root.end()) return nullptr;
    if (!is(*it)) {
      diagnostics_.push_back(make_error(file_, std::string(key) + " should be " + expected +
                                                   ", not " + type_name(*it) + "; left out"));
      return nullptr;
    }
    return &*it;
  }

  void read(const json& root, UserEdits& edits) {
    const auto is_array = [](const json& v) { return v.is_array(); };
    const auto is_object = [](const json& v) { return v.is_object(); };
    if (const json* merges = section(root, "merges", "an array", is_array)) {
      for (size_t i = 0; i < merges->size(); ++i) {
        const std::string path = "merges[" + std::to_string(i) + "]";
        const json& entry = (*merges)[i];
        if (!entry.is_object()) {
          wrong(path, "an object", entry);
          continue;
        }
        auto from = id(entry, "from", path);
        auto into = id(entry, "into", path);
        if (from && into) edits.merges.push_back({std::move(*from), std::move(*into)});
      }
    }
    if (const json* splits = section(root, "splits", "an array", is_array)) {
      for (size_t i = 0; i < splits->size(); ++i) {
        const std::string path = "splits[" + std::to_string(i) + "]";
        const json& entry = (*splits)[i];
        if (!entry.is_object()) {
          wrong(path, "an object", entry);
          continue;
        }
        auto entity = id(entry, "entity", path);
        auto alias = id(entry, "alias", path);
        if (entity && alias) edits.splits.push_back({std::move(*entity), std::move(*alias)});
      }
    }
    if (const json* renames = section(root, "renames", "an object", is_object)) {
      for (const auto& [key, value] : renames->items()) {
        if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
          wrong("renames." + key, "a non-empty string", value);
          continue;
        }
        edits.renames[key] = value.get<std::string>();
      }
    }
    if (const json* hidden = section(root, "hidden", "an array", is_array)) {
      for (size_t i = 0; i < hidden->size(); ++i) {
        const json& value = (*hidden)[i];
        if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
          wrong("hidden[" + std::to_string(i) + "]", "a non-empty string", value);
          continue;
        }
        edits.hidden.insert(value.get<std::string>());
      }
    }
    if (const json* pins = section(root, "pins", "an object", is_object)) {
      for (const auto& [key, value] : pins->items()) {
        const std::string path = "pins." + key;
        if (!value.is_object()) {
          wrong(path, "an object {\"x\",\"y\"}", value);
          continue;
        }
        const auto x = number(value, "x", path);
        const auto y = number(value, "y", path);
        if (x && y) edits.pins[key] = PinnedNode{*x, *y};
      }
    }
    if (const json* notes = section(root, "notes", "an object", is_object)) {
      for (const auto& [key, value] : notes->items()) {
        if (!value.is_string()) {
          wrong("notes." + key, "a string", value);
          continue;
        }
        edits.notes[key] = value.get<std::string>();
      }
    }
  }

 private:
  const std::string& file_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

bool UserEdits::empty() const {
  return merges.empty() && splits.empty() && renames.empty() && hidden.empty() && pins.empty() &&
         notes.empty();
}

nlohmann::json user_edits_to_json(const UserEdits& edits) {
  json merges = json::array();
  for (const EntityMerge& m : edits.merges) merges.push_back({{"from", m.from}, {"into", m.into}});
  json splits = json::array();
  for (const EntitySplit& s : edits.splits)
    splits.push_back({{"entity", s.entity}, {"alias", s.alias}});
  json renames = json::object();
  for (const auto& [id, name] : edits.renames) renames[id] = name;
  json hidden = json::array();
  for (const std::string& id : edits.hidden) hidden.push_back(id);
  json pins = json::object();
  for (const auto& [id, pin] : edits.pins) pins[id] = {{"x", pin.x}, {"y", pin.y}};
  json notes = json::object();
  for (const auto& [id, text] : edits.notes) notes[id] = text;
  return {{"schema", kSchema}, {"corpus", edits.corpus}, {"extractor", edits.extractor},
          {"merges", merges},  {"splits", splits},       {"renames", renames},
          {"hidden", hidden},  {"pins", pins},           {"notes", notes}};
}

UserEditsResult parse_user_edits(std::string_view text, const std::string& file,
                                 std::string_view expected_corpus,
                                 std::string_view expected_extractor) {
  UserEditsResult result;
  const std::optional<json> root = parse_json(text, file, result.diagnostics);
  if (!root) return result;
  if (!root->is_object()) {
    result.diagnostics.push_back(
        make_error(file, std::string("an edits file is a JSON object, not ") + type_name(*root)));
    return result;
  }
  const auto schema = root->find("schema");
  if (schema == root->end() || !schema->is_string() ||
      schema->get_ref<const std::string&>() != kSchema) {
    result.diagnostics.push_back(make_error(
        file, "not a Dramatis edits file: \"schema\" should be \"" + std::string(kSchema) +
                  "\", not " +
                  (schema == root->end() ? std::string("missing") : json_preview(*schema))));
    return result;
  }
  UserEdits edits;
  EditsReader reader(file, result.diagnostics);
  for (const char* key : {"corpus", "extractor"}) {
    const auto it = root->find(key);
    if (it == root->end()) {
      result.diagnostics.push_back(make_warning(file, std::string(key) + " is missing"));
    } else if (!it->is_string()) {
      reader.wrong(key, "a string", *it);
    } else {
      (std::string_view(key) == "corpus" ? edits.corpus : edits.extractor) = it->get<std::string>();
    }
  }
  reader.read(*root, edits);

  if (!expected_corpus.empty() && edits.corpus != expected_corpus) {
    result.corpus_mismatch = true;
    result.diagnostics.push_back(
        make_error(file, "these edits were made on another corpus (fingerprint '" + edits.corpus +
                             "', the open corpus is '" + std::string(expected_corpus) +
                             "'); they are not applied"));
  }
  if (!expected_extractor.empty() && edits.extractor != expected_extractor) {
    result.version_mismatch = true;
    result.diagnostics.push_back(
        make_warning(file, "these edits were made with extractor version '" + edits.extractor +
                               "', this is version '" + std::string(expected_extractor) +
                               "'; entity ids may point to other entities"));
  }
  result.edits = std::move(edits);
  return result;
}

}  // namespace dramatis
