// One document as the reading engine sees it: its text (the original bytes), tokens, Markdown
// blocks, sentences and boilerplate spans, computed once and shared by every stage (entities,
// quotes, dates, relations). Tokens inside boilerplate are flagged so the stages can skip them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/boilerplate.h"
#include "core/text/markdown.h"
#include "core/text/sentences.h"
#include "core/text/tokens.h"

namespace dramatis {

struct DocumentView {
  uint32_t doc = 0;  // index into Corpus::documents
  std::string_view text;
  std::string_view date;  // the document's publication date (ISO) or empty
  std::vector<text::Token> tokens;
  std::vector<text::Block> blocks;
  std::vector<text::Sentence> sentences;
  std::vector<text::BoilerplateSpan> boilerplate;
  // Sentence index of each token; a token outside every sentence (markers, code lines) gets the
  // sentence before it, or the first. With no sentence at all (a document that is all code) the
  // indices name none: check sentences.empty() before indexing sentences with them.
  std::vector<uint32_t> token_sentence;
  std::vector<bool> token_boilerplate;  // token lies in a boilerplate span

  std::string_view token_text(size_t i) const { return tokens[i].text(text); }
  // The block (index into blocks) holding byte `offset`, or blocks.size().
  size_t block_at(size_t offset) const;
  bool in_boilerplate(size_t offset) const;
};

// Builds the views of a corpus' documents; boilerplate detection looks across documents.
std::vector<DocumentView> make_document_views(const std::vector<std::string_view>& texts,
                                              const std::vector<std::string_view>& dates);

// The same in three parts, for callers that spread the work over several steps: each document's
// tokens and blocks (needs no other document), the boilerplate of all of them (repeated lines
// are found across documents), then each document's sentences and token flags.
DocumentView parse_document_view(uint32_t doc, std::string_view text, std::string_view date);
std::vector<std::vector<text::BoilerplateSpan>> find_corpus_boilerplate(
    const std::vector<DocumentView>& views);
void finish_document_view(DocumentView& view, std::vector<text::BoilerplateSpan> boilerplate);

}  // namespace dramatis
