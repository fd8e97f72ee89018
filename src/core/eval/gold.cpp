#include "core/eval/gold.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "core/corpus/document_check.h"
#include "core/io/json_parse.h"
#include "core/io/json_text.h"
#include "core/io/read_file.h"

namespace dramatis::eval {
namespace {

using nlohmann::json;

constexpr std::string_view kSchema = "dramatis.gold/1";

// Collects the diagnostics of one gold file; every message starts with the field's path.
struct Checker {
  const std::string& file;
  std::vector<Diagnostic>& diagnostics;
  bool failed = false;

  void error(const std::string& field, const std::string& message) {
    diagnostics.push_back(make_error(file, field + ": " + message));
    failed = true;
  }
  void warning(const std::string& field, const std::string& message) {
    diagnostics.push_back(make_warning(file, field + ": " + message));
  }
  void unknown_fields(const json& object, const std::string& field,
                      std::initializer_list<std::string_view> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      bool found = false;
      for (std::string_view k : known) found = found || it.key() == k;
      if (!found)
        warning(field.empty() ? it.key() : field + "." + it.key(), "unknown field (ignored)");
    }
  }
};

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Reads "start" and "end" of `item` and checks them against `text`.
bool read_span(const json& item, const std::string& field, std::string_view text, Checker& check,
               size_t& start, size_t& end) {
  bool ok = true;
  for (const char* name : {"start", "end"}) {
    const std::string path = field + "." + name;
    auto it = item.find(name);
    if (it == item.end()) {
      check.error(path, "missing (a byte offset is required)");
      ok = false;
    } else if (!it->is_number_unsigned()) {
      check.error(path, "must be a non-negative integer (a UTF-8 byte offset)");
      ok = false;
    } else {
      (std::string_view(name) == "start" ? start : end) = it->get<size_t>();
    }
  }
  if (!ok) return false;
  if (end > text.size()) {
    check.error(field + ".end", "past the end of the text (" + std::to_string(end) + " > " +
                                    std::to_string(text.size()) + " bytes)");
    return false;
  }
  if (start >= end) {
    check.error(field + ".start", "must be less than end (" + std::to_string(start) +
                                      " >= " + std::to_string(end) + ")");
    return false;
  }
  for (const auto& [name, offset] :
       {std::pair<const char*, size_t>{"start", start}, {"end", end}}) {
    if (offset < text.size() && is_continuation(static_cast<unsigned char>(text[offset]))) {
      check.error(field + "." + name, "byte " + std::to_string(offset) +
                                          " is inside a UTF-8 character (offsets are bytes, "
                                          "not code points)");
      ok = false;
    }
  }
  return ok;
}

void parse_entities(const json& list, const std::string& field, GoldDocument& doc, Checker& check) {
  if (!list.is_array()) {
    check.error(field, "must be an array");
    return;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string item_field = field + "[" + std::to_string(i) + "]";
    const json& item = list[i];
    if (!item.is_object()) {
      check.error(item_field, "must be an object");
      continue;
    }
    check.unknown_fields(item, item_field, {"start", "end", "type", "entity", "text"});
    GoldEntity entity;
    bool ok = read_span(item, item_field, doc.text, check, entity.start, entity.end);
    auto type = item.find("type");
    if (type == item.end()) {
      check.error(item_field + ".type", "missing");
      ok = false;
    } else if (!type->is_string()) {
      check.error(item_field + ".type", "must be a string");
      ok = false;
    } else if (auto t = entity_type_from_string(type->get<std::string>())) {
      entity.type = *t;
    } else {
      check.error(item_field + ".type",
                  "unknown type \"" + type->get<std::string>() +
                      "\" (PERSON, ORG, PRODUCT, LOCATION, EVENT, DATE, MONEY or QUANTITY)");
      ok = false;
    }
    if (auto name = item.find("entity"); name != item.end() && !name->is_null()) {
      if (!name->is_string() || name->get<std::string>().empty()) {
        check.error(item_field + ".entity", "must be a non-empty string (the canonical name)");
        ok = false;
      } else {
        entity.entity = name->get<std::string>();
      }
    }
    if (ok) doc.entities.push_back(std::move(entity));
  }
}

void parse_quotes(const json& list, const std::string& field, GoldDocument& doc, Checker& check) {
  if (!list.is_array()) {
    check.error(field, "must be an array");
    return;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string item_field = field + "[" + std::to_string(i) + "]";
    const json& item = list[i];
    if (!item.is_object()) {
      check.error(item_field, "must be an object");
      continue;
    }
    check.unknown_fields(item, item_field, {"start", "end", "speaker", "kind", "text"});
    GoldQuote quote;
    bool ok = read_span(item, item_field, doc.text, check, quote.start, quote.end);
    if (auto speaker = item.find("speaker"); speaker != item.end()) {
      quote.speaker_annotated = true;
      if (speaker->is_string() && !speaker->get<std::string>().empty()) {
        quote.speaker = speaker->get<std::string>();
      } else if (!speaker->is_null()) {
        check.error(item_field + ".speaker",
                    "must be a non-empty string (the speaker's name) or null (no known speaker)");
        ok = false;
      }
    }
    if (auto kind = item.find("kind"); kind != item.end() && !kind->is_null()) {
      const std::string value = kind->is_string() ? kind->get<std::string>() : "";
      if (value != "direct" && value != "indirect" && value != "mixed") {
        check.error(item_field + ".kind", "must be \"direct\", \"indirect\" or \"mixed\"");
        ok = false;
      } else {
        quote.kind = value;
      }
    }
    if (ok) doc.quotes.push_back(std::move(quote));
  }
}

// Reads a document's bytes ("path" or "text"); false when it has none.
bool read_document_text(const json& item, const std::string& field, const GoldReader& read,
                        GoldDocument& doc, Checker& check) {
  auto path = item.find("path");
  auto text = item.find("text");
  if ((path == item.end()) == (text == item.end())) {
    check.error(field, "needs exactly one of \"path\" (a file) and \"text\" (inline text)");
    return false;
  }
  if (text != item.end()) {
    if (!text->is_string()) {
      check.error(field + ".text", "must be a string");
      return false;
    }
    doc.text = text->get<std::string>();
    return true;
  }
  if (!path->is_string() || path->get<std::string>().empty()) {
    check.error(field + ".path", "must be a non-empty string");
    return false;
  }
  std::string error;
  std::optional<std::string> bytes = read(path->get<std::string>(), error);
  if (!bytes) {
    check.error(field + ".path", "\"" + path->get<std::string>() + "\": " + error);
    return false;
  }
  doc.path = path->get<std::string>();
  doc.text = std::move(*bytes);
  return true;
}

}  // namespace

std::optional<GoldSet> parse_gold(std::string_view text, const std::string& file,
                                  const GoldReader& read, std::vector<Diagnostic>& diagnostics) {
  std::optional<json> root = parse_json(text, file, diagnostics);
  if (!root) return std::nullopt;
  Checker check{file, diagnostics};
  if (!root->is_object()) {
    check.error("(root)", "must be an object with \"schema\" and \"documents\"");
    return std::nullopt;
  }
  auto schema = root->find("schema");
  if (schema == root->end()) {
    check.error("schema", "missing (expected \"" + std::string(kSchema) + "\")");
  } else if (!schema->is_string() || schema->get<std::string>() != kSchema) {
    check.error("schema",
                "expected \"" + std::string(kSchema) + "\", got " + json_preview(*schema));
  }
  check.unknown_fields(*root, "", {"schema", "documents", "name", "description", "nesting"});
  bool outer_names_only = false;
  if (auto nesting = root->find("nesting"); nesting != root->end()) {
    if (nesting->is_string() && nesting->get<std::string>() == "outer") {
      outer_names_only = true;
    } else if (!nesting->is_string() || nesting->get<std::string>() != "nested") {
      check.error("nesting", "must be \"outer\" or \"nested\", got " + json_preview(*nesting));
    }
  }
  auto documents = root->find("documents");
  if (documents == root->end() || !documents->is_array()) {
    check.error("documents", documents == root->end() ? "missing" : "must be an array");
    return std::nullopt;
  }
  GoldSet gold;
  gold.outer_names_only = outer_names_only;
  std::set<std::string> ids;
  for (size_t i = 0; i < documents->size(); ++i) {
    const std::string field = "documents[" + std::to_string(i) + "]";
    const json& item = (*documents)[i];
    if (!item.is_object()) {
      check.error(field, "must be an object");
      continue;
    }
    check.unknown_fields(item, field, {"id", "path", "text", "title", "entities", "quotes"});
    GoldDocument doc;
    if (auto id = item.find("id"); id != item.end()) {
      if (!id->is_string() || id->get<std::string>().empty()) {
        check.error(field + ".id", "must be a non-empty string");
      } else {
        doc.id = id->get<std::string>();
      }
    }
    if (doc.id.empty()) doc.id = "d" + std::to_string(i);
    if (!ids.insert(doc.id).second)
      check.error(field + ".id", "\"" + doc.id + "\" is already used by another document");
    if (!read_document_text(item, field, read, doc, check)) continue;
    // Binary files and UTF-16/32 are refused like anywhere else in Dramatis.
    std::vector<Diagnostic> doc_diagnostics;
    if (!check_document(doc.path.empty() ? field : doc.path, doc.text, doc_diagnostics)) {
      for (const Diagnostic& d : doc_diagnostics) {
        if (d.severity == Severity::Error) check.error(field, d.format());
      }
      continue;
    }
    if (auto list = item.find("entities"); list != item.end())
      parse_entities(*list, field + ".entities", doc, check);
    if (auto list = item.find("quotes"); list != item.end())
      parse_quotes(*list, field + ".quotes", doc, check);
    gold.documents.push_back(std::move(doc));
  }
  if (check.failed) return std::nullopt;
  return gold;
}

std::optional<GoldSet> load_gold_file(const std::string& path,
                                      std::vector<Diagnostic>& diagnostics) {
  namespace fs = std::filesystem;
  std::string error;
  std::optional<std::string> text = read_file_bytes(path, error);
  if (!text) {
    diagnostics.push_back(make_error(path, error));
    return std::nullopt;
  }
  const fs::path base = fs::path(path).parent_path();
  return parse_gold(
      *text, path,
      [&](const std::string& relative, std::string& read_error) {
        const fs::path p(relative);
        return read_file_bytes((p.is_absolute() || base.empty() ? p : base / p).generic_string(),
                               read_error);
      },
      diagnostics);
}

Corpus corpus_from_gold(const GoldSet& gold) {
  Corpus corpus;
  corpus.name = "gold";
  for (const GoldDocument& g : gold.documents) {
    Document doc;
    doc.meta.id = g.id;
    doc.meta.title = derive_title(g.text);
    doc.path = g.path.empty() ? g.id : g.path;
    doc.bytes = g.text;
    doc.invalid_utf8 = utf8::find_invalid(doc.bytes);
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

}  // namespace dramatis::eval
