// The corpus fingerprint (src/core/view/corpus_fingerprint.cpp): FNV-1a 64 values computed
// independently (Python, struct.pack('<Q', len)), and what it must and must not depend on.
#include "core/view/corpus_fingerprint.h"

#include <doctest/doctest.h>

#include "core/corpus/corpus_loader.h"

using namespace dramatis;

namespace {

Document doc(std::string path, std::string bytes) {
  Document d;
  d.path = std::move(path);
  d.bytes = std::move(bytes);
  return d;
}

}  // namespace

TEST_CASE("corpus_fingerprint is FNV-1a 64 over lengths, paths and bytes") {
  CHECK(corpus_fingerprint(Corpus{}) == "cbf29ce484222325");  // the FNV offset basis
  Corpus one;
  one.documents = {doc("a.txt", "hello")};
  CHECK(corpus_fingerprint(one) == "9862bc563fc93a88");
  Corpus two = one;
  two.documents.push_back(doc("news/b.md", "Caf\xC3\xA9"));
  CHECK(corpus_fingerprint(two) == "fdb45de38dabecbb");
}

TEST_CASE("corpus_fingerprint changes with content and boundaries, not with metadata") {
  Corpus base;
  base.documents = {doc("a.txt", "ab"), doc("b.txt", "c")};
  const std::string fp = corpus_fingerprint(base);
  CHECK(fp.size() == 16);

  Corpus shifted;  // same concatenated bytes, other boundary
  shifted.documents = {doc("a.txt", "a"), doc("b.txt", "bc")};
  CHECK(corpus_fingerprint(shifted) != fp);

  Corpus renamed = base;
  renamed.documents[1].path = "c.txt";
  CHECK(corpus_fingerprint(renamed) != fp);

  Corpus edited = base;
  edited.documents[0].bytes[1] = 'B';
  CHECK(corpus_fingerprint(edited) != fp);

  Corpus reordered = base;
  std::swap(reordered.documents[0], reordered.documents[1]);
  CHECK(corpus_fingerprint(reordered) != fp);

  Corpus retitled = base;
  retitled.name = "another name";
  retitled.documents[0].meta.title = "A title";
  retitled.documents[0].meta.date = "2025-11-07";
  CHECK(corpus_fingerprint(retitled) == fp);

  // Stable across loads of the built-in corpus.
  CHECK(corpus_fingerprint(load_builtin_corpus()) == corpus_fingerprint(load_builtin_corpus()));
  CHECK(corpus_fingerprint(load_builtin_corpus()) != corpus_fingerprint(Corpus{}));
  CHECK_FALSE(kExtractorVersion.empty());
}
