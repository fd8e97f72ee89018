// Loading corpora: the built-in one, a folder (its manifest.json if it has one, else every .txt
// and .md file under it), a manifest file, or single files. Each bad file adds a diagnostic
// naming it; every good file is still loaded.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/corpus/corpus_limits.h"

namespace dramatis {

// The five articles compiled into the binary (corpus/ in the repository).
Corpus load_builtin_corpus();

// Loads each path in order: a folder, a manifest (*.json) or a text file.
Corpus load_paths(const std::vector<std::string>& paths);

// Loads a corpus from a manifest whose text is given, reading its files through `read`
// (a path relative to the manifest's folder -> bytes, or nullopt with `error` set).
// Used for manifests on disk, the built-in corpus, and files dropped in a browser.
using ReadRelative =
    std::function<std::optional<std::string>(const std::string& relative, std::string& error)>;
void load_manifest_text(const std::string& manifest_path, std::string_view manifest_text,
                        const std::string& base_path, const ReadRelative& read, Corpus& corpus);

// Gives "d<n>" ids to documents that have none, never reusing an id already taken (for
// documents added to a corpus after it was loaded).
void assign_missing_ids(Corpus& corpus);

// Adds one file's bytes as a document (title derived from the text).
void add_document_bytes(const std::string& path, std::string bytes, Corpus& corpus);

// Adds a checked document, unless the corpus already holds kMaxDocuments documents or the
// document would take it past kMaxCorpusBytes (corpus_limits.h): then it is counted in
// corpus.left_out instead. Every loader adds documents through this.
void add_to_corpus(Document doc, Corpus& corpus);

// Turns what corpus.left_out counts into one warning naming the first document left out, then
// clears it. load_paths and load_manifest_text call it; so does whoever else adds documents.
void report_left_out(Corpus& corpus);

// How many bytes of a file a loader reads: one past the document limit, so a longer file is
// known to be longer (and cut, document_check.h) without being read whole.
inline constexpr size_t kDocumentReadBytes = kMaxDocumentBytes + 1;

}  // namespace dramatis
