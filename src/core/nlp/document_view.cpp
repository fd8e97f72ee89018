#include "core/nlp/document_view.h"

#include <algorithm>

namespace dramatis {

size_t DocumentView::block_at(size_t offset) const {
  // Blocks are lines in order; the last one starting at or before the offset holds it.
  auto it = std::upper_bound(blocks.begin(), blocks.end(), offset,
                             [](size_t o, const text::Block& b) { return o < b.start; });
  if (it == blocks.begin()) return blocks.size();
  const size_t index = static_cast<size_t>(it - blocks.begin()) - 1;
  return offset <= blocks[index].end ? index : blocks.size();
}

bool DocumentView::in_boilerplate(size_t offset) const {
  auto it = std::upper_bound(boilerplate.begin(), boilerplate.end(), offset,
                             [](size_t o, const text::BoilerplateSpan& b) { return o < b.start; });
  return it != boilerplate.begin() && offset < std::prev(it)->end;
}

DocumentView parse_document_view(uint32_t doc, std::string_view text, std::string_view date) {
  DocumentView v;
  v.doc = doc;
  v.text = text;
  v.date = date;
  v.tokens = text::tokenize(v.text);
  v.blocks = text::parse_blocks(v.text);
  return v;
}

std::vector<std::vector<text::BoilerplateSpan>> find_corpus_boilerplate(
    const std::vector<DocumentView>& views) {
  // Boilerplate detection reads the views' tokens and blocks instead of tokenizing again.
  std::vector<text::ParsedDocument> parsed;
  parsed.reserve(views.size());
  for (const DocumentView& v : views) parsed.push_back({v.text, v.tokens, v.blocks});
  return text::detect_parsed_boilerplate(parsed);
}

void finish_document_view(DocumentView& v, std::vector<text::BoilerplateSpan> boilerplate) {
  v.sentences = text::split_sentences(v.text, v.tokens, v.blocks);
  v.boilerplate = std::move(boilerplate);
  std::sort(v.boilerplate.begin(), v.boilerplate.end(),
            [](const text::BoilerplateSpan& a, const text::BoilerplateSpan& b) {
              return a.start < b.start;
            });
  v.token_sentence.assign(v.tokens.size(), 0);
  for (size_t s = 0; s < v.sentences.size(); ++s) {
    for (size_t t = v.sentences[s].first_token; t < v.sentences[s].end_token && t < v.tokens.size();
         ++t)
      v.token_sentence[t] = static_cast<uint32_t>(s);
  }
  // Tokens between sentences (rare: markers) belong to the sentence before them.
  for (size_t t = 1; t < v.tokens.size(); ++t) {
    if (v.token_sentence[t] == 0 && !v.sentences.empty() && v.sentences[0].end_token <= t)
      v.token_sentence[t] = v.token_sentence[t - 1];
  }
  // in_boilerplate() for every token, walking the sorted spans alongside the tokens instead of a
  // binary search per token: `k` counts the spans starting at or before the token.
  v.token_boilerplate.assign(v.tokens.size(), false);
  size_t k = 0;
  size_t previous_start = 0;
  for (size_t t = 0; t < v.tokens.size(); ++t) {
    const size_t start = v.tokens[t].start;
    if (start < previous_start) k = 0;  // never for a tokenizer's output; kept exact anyway
    previous_start = start;
    while (k < v.boilerplate.size() && v.boilerplate[k].start <= start) ++k;
    v.token_boilerplate[t] = k > 0 && start < v.boilerplate[k - 1].end;
  }
}

std::vector<DocumentView> make_document_views(const std::vector<std::string_view>& texts,
                                              const std::vector<std::string_view>& dates) {
  std::vector<DocumentView> views;
  views.reserve(texts.size());
  for (size_t d = 0; d < texts.size(); ++d)
    views.push_back(parse_document_view(static_cast<uint32_t>(d), texts[d],
                                        d < dates.size() ? dates[d] : std::string_view()));
  std::vector<std::vector<text::BoilerplateSpan>> boilerplate = find_corpus_boilerplate(views);
  for (size_t d = 0; d < views.size(); ++d)
    finish_document_view(views[d], std::move(boilerplate[d]));
  return views;
}

}  // namespace dramatis
