// `dramatis-cli corpus list`: one line per document (id, title, source, date, size), as a table
// for people or JSON for scripts.
#include <iostream>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/corpus_source.h"
#include "core/io/json_text.h"
#include "core/text/utf8.h"
#include "core/view/app_state.h"

namespace dramatis::cli {
namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli corpus list [--corpus DIR] [FILE...] [--format table|json]\n"
    "\n"
    "Lists the documents of a corpus: id, title, source, date and size in bytes.\n"
    "Without --corpus or FILE arguments, lists the built-in corpus.\n"
    "\n"
    "  --corpus DIR     a folder: its manifest.json, or else every .txt/.md file under it\n"
    "  FILE...          text files (.txt, .md) or manifests (.json)\n"
    "  --format FORMAT  table (default) or json\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 usage error, 2 a file could not be read (the rest are listed).\n";

// Pads or cuts `text` to `width` code points, so columns line up for non-ASCII titles too.
std::string fit(std::string_view text, size_t width) {
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < text.size();) {
    const utf8::Step step = utf8::decode(text, i);
    if (columns + 1 == width && i + step.length < text.size()) {
      out += "\xE2\x80\xA6";  // …
      ++columns;
      break;
    }
    if (step.valid) {
      out.append(text.substr(i, step.length));
    } else {
      utf8::append(out, utf8::kReplacement);
    }
    ++columns;
    i += step.length;
    if (columns == width) break;
  }
  out.append(width - columns, ' ');
  return out;
}

void print_table(const Corpus& corpus) {
  std::cout << fit("ID", 6) << "  " << fit("TITLE", 60) << "  " << fit("SOURCE", 28) << "  "
            << fit("DATE", 10) << "  "
            << "BYTES\n";
  for (const Document& doc : corpus.documents) {
    std::cout << fit(doc.meta.id, 6) << "  " << fit(doc.meta.title, 60) << "  "
              << fit(doc.meta.source.empty() ? "-" : doc.meta.source, 28) << "  "
              << fit(doc.meta.date.empty() ? "-" : doc.meta.date, 10) << "  " << doc.bytes.size()
              << '\n';
  }
}

void print_json(const Corpus& corpus) {
  // Replace invalid UTF-8 in titles rather than failing the dump.
  std::cout << dump_json({{"corpus", corpus.name}, {"documents", documents_json(corpus)}}, 2)
            << '\n';
}

}  // namespace

int run_corpus_list(const std::vector<std::string>& args) {
  const ParsedArgs parsed = parse_args(args, {"corpus", "format"}, {"help"});
  if (!parsed.error.empty()) {
    std::cerr << "dramatis-cli corpus list: " << parsed.error << "\n\n" << kHelp;
    return kUsage;
  }
  if (parsed.has("help")) {
    std::cout << kHelp;
    return kOk;
  }
  const std::string format = parsed.value("format").value_or("table");
  if (format != "table" && format != "json") {
    std::cerr << "dramatis-cli corpus list: --format must be table or json, not '" << format
              << "'\n";
    return kUsage;
  }
  const Corpus corpus = load_requested_corpus(parsed.value("corpus"), parsed.positional);
  const bool errors = report_diagnostics(corpus);
  if (format == "json") {
    print_json(corpus);
  } else {
    print_table(corpus);
  }
  return errors ? kBadInput : kOk;
}

}  // namespace dramatis::cli
