// The sizes a corpus may have, the same natively and in the browser (so the same files give the
// same analysis everywhere), and what happens past them: never a refusal of the whole corpus and
// never an out-of-memory crash, but partial results with a warning that says what was left out.
// Chosen from measured peaks (docs/security.md, "Limits"): the browser's WebAssembly memory
// stops at 2 GiB, and analysing text takes some 20 bytes of memory per byte of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace dramatis {

// One document: a longer file is read up to the last line break before this many bytes (or,
// with no line break in its last 64 KiB, the last whole UTF-8 character), so every offset in
// what is read is the file's own. News articles are some 10 KB.
inline constexpr size_t kMaxDocumentBytes = 16u << 20;  // 16 MiB

// A corpus: documents past either figure (in loading order) are left out, and one warning
// names the first of them and counts the rest.
inline constexpr size_t kMaxDocuments = 100000;
inline constexpr uint64_t kMaxCorpusBytes = 64u << 20;  // 64 MiB of text in all

// A size for people: "512 B", "12.3 KB", "16.0 MB" (binary units, one decimal).
std::string format_byte_size(uint64_t bytes);

}  // namespace dramatis
