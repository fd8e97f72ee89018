#!/usr/bin/env bash
# dramatis-cli end to end: exit codes, stdout and stderr of `corpus list` on the built-in corpus and
# on files made in a temporary folder. Usage: cli_test.sh PATH_TO_dramatis-cli SOURCE_DIR
set -u

source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
harness_init "$@"
# A table row: the id in the first column and the byte count in the last.
row() { grep -qE "^$1 .* $2\$" "$out"; }

# --- help and usage -------------------------------------------------------------------------

run --help
check "--help exits 0 and prints usage" all 'exits 0' 'stdout_has "Usage: dramatis-cli"' \
  'stdout_has "corpus list"'

run
check "no arguments exits 1 with usage on stderr" all 'exits 1' 'stdout_empty' \
  'stderr_has "Usage: dramatis-cli"'

run frobnicate
check "unknown command exits 1 and names it on stderr" all 'exits 1' 'stdout_empty' \
  "stderr_has \"unknown command 'frobnicate'\""

run corpus list --help
check "corpus list --help exits 0" all 'exits 0' \
  'stdout_has "Usage: dramatis-cli corpus list"' 'stdout_has "--format"' 'stderr_empty'

# --- the built-in corpus --------------------------------------------------------------------

run corpus list
check "corpus list exits 0 with nothing on stderr" all 'exits 0' 'stderr_empty'
check "corpus list prints a header and five rows" \
  all '[ "$(wc -l <"$out")" -eq 6 ]' 'stdout_has "TITLE"' 'stdout_has "BYTES"'
check "corpus list gives d0..d4 with their sizes in bytes" \
  all 'row d0 5702' 'row d1 3505' 'row d2 2120' 'row d3 6955' 'row d4 4262'
source_sizes_match() {
  local i=0 file
  for file in "$source_dir"/corpus/00[0-4]_*.txt; do
    row "d$i" "$(wc -c <"$file")" || return 1
    i=$((i + 1))
  done
  [ "$i" -eq 5 ]
}
check "corpus list sizes match the files in SOURCE_DIR/corpus" source_sizes_match
check "corpus list gives the titles" \
  all 'stdout_has "Soumith Chintala departs Meta and joins Mira Murati"' \
  'stdout_has "Soumith Chintala Steps Down from PyTorch Leadership"' \
  'stdout_has "Inventor of PyTorch, a key platform for AI development"' \
  'stdout_has "PyTorch Leader Soumith Chintala Steps Down"'
check "corpus list gives sources and dates" \
  all 'grep -qE "^d1 .*Artificial Intelligence Blog +2025-11-19 +3505$" "$out"' \
  'grep -qE "^d3 .*InfoQ +2025-11-07 +6955$" "$out"' 'grep -qE "^d2 .*GIGAZINE +- +2120$" "$out"'

run corpus list --format json
json_ok() {
  node -e '
    process.on("uncaughtException", (e) => {
      console.log("      json: " + e.message);
      process.exit(1);
    });
    const data = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const docs = data.documents;
    const want = { d0: 5702, d1: 3505, d2: 2120, d3: 6955, d4: 4262 };
    if (!Array.isArray(docs) || docs.length !== 5) throw new Error("expected 5 documents");
    docs.forEach((d, i) => {
      if (d.id !== "d" + i) throw new Error("document " + i + " has id " + d.id);
      if (d.bytes !== want[d.id]) throw new Error(d.id + " has " + d.bytes + " bytes");
      if (!d.title) throw new Error(d.id + " has no title");
    });
    if (docs[1].date !== "2025-11-19" || docs[3].date !== "2025-11-07")
      throw new Error("wrong dates");
    if (docs[3].source !== "InfoQ") throw new Error("wrong source for d3");
    if (!docs[0].title.includes("Mira Murati\u2019s")) throw new Error("d0 title not UTF-8");
    if (!data.corpus.startsWith("Soumith Chintala leaves Meta")) throw new Error("corpus name");
  ' "$out"
}
check "corpus list --format json is valid JSON with the five documents" \
  all 'exits 0' 'stderr_empty' 'json_ok'

run corpus list --format=json
check "--format=json is the same as --format json" all 'exits 0' 'json_ok'

run corpus list --format xml
check "--format xml exits 1" all 'exits 1' 'stdout_empty' 'stderr_has "xml"'

run corpus list --format
check "--format without a value exits 1" all 'exits 1' 'stderr_has "needs a value"'

run corpus list --colour
check "unknown option exits 1 and names it" all 'exits 1' 'stdout_empty' \
  "stderr_has \"unknown option '--colour'\""

run corpus list -x
check "unknown short option exits 1" all 'exits 1' "stderr_has \"unknown option '-x'\""

(cd / && "$cli" corpus list >"$out" 2>"$err")
rc=$?
check "corpus list from / still lists the built-in corpus" \
  all 'exits 0' 'row d0 5702' 'row d4 4262' 'stderr_empty'

# --- user files -----------------------------------------------------------------------------

mkdir -p "$work/corpus/sub"
printf '%s\n\n%s\n' "Inventor of PyTorch, a key platform for AI development, leaves Meta" \
  "Soumith Chintala, the inventor of PyTorch, has announced that he has left Meta." \
  >"$work/corpus/01_gigazine.txt"
printf '%s\n%s\n' "## Soumith Chintala Steps Down from PyTorch Leadership" \
  "On **November 6, 2025**, PyTorch co-founder **Soumith Chintala** announced he will step down." \
  >"$work/corpus/sub/02_infoq.md"
printf 'not text\n' >"$work/corpus/photo.png"
gigazine_size=$(wc -c <"$work/corpus/01_gigazine.txt")
infoq_size=$(wc -c <"$work/corpus/sub/02_infoq.md")

run corpus list --corpus "$work/corpus"
check "--corpus DIR lists its text files in order" \
  all 'exits 0' "row d0 $gigazine_size" "row d1 $infoq_size" \
  'stdout_has "Inventor of PyTorch, a key platform for AI development"' \
  'stdout_has "Soumith Chintala Steps Down from PyTorch Leadership"' \
  '[ "$(wc -l <"$out")" -eq 3 ]'
check "--corpus DIR warns about the skipped non-text file" \
  all 'stderr_has "warning"' 'stderr_has "1 file(s) skipped"'

cat >"$work/corpus/manifest.json" <<'EOF'
{"schema": "dramatis.corpus/1", "name": "Chintala leaves Meta",
 "documents": [{"id": "infoq", "file": "sub/02_infoq.md", "source": "InfoQ",
                "date": "2025-11-07"}]}
EOF
run corpus list --corpus "$work/corpus" --format json
manifest_json_ok() {
  node -e '
    process.on("uncaughtException", (e) => {
      console.log("      json: " + e.message);
      process.exit(1);
    });
    const data = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (data.corpus !== "Chintala leaves Meta") throw new Error("name " + data.corpus);
    if (data.documents.length !== 1) throw new Error("expected 1 document");
    const d = data.documents[0];
    if (d.id !== "infoq" || d.date !== "2025-11-07" || d.source !== "InfoQ")
      throw new Error("wrong metadata " + JSON.stringify(d));
  ' "$out"
}
check "--corpus DIR with manifest.json uses the manifest" all 'exits 0' 'stderr_empty' \
  'manifest_json_ok'
rm "$work/corpus/manifest.json"

run corpus list "$work/corpus/sub/02_infoq.md" "$work/corpus/01_gigazine.txt"
check "corpus list FILE FILE lists both, in the order given" \
  all 'exits 0' 'stderr_empty' "row d0 $infoq_size" "row d1 $gigazine_size"

run corpus list "$work/corpus/01_gigazine.txt" "$work/no_such_article.txt"
check "a missing file exits 2 and is named on stderr" \
  all 'exits 2' 'stderr_has "$work/no_such_article.txt"' 'stderr_has "no such file or folder"' \
  "row d0 $gigazine_size"

printf 'Soumith\0Chintala\n' >"$work/binary.txt"
run corpus list "$work/corpus/01_gigazine.txt" "$work/binary.txt" "$work/corpus/sub/02_infoq.md"
check "a binary file among good ones exits 2 and is named on stderr" \
  all 'exits 2' 'stderr_has "$work/binary.txt: error at byte 7"'
check "the good files around a binary one are still listed" \
  all "row d0 $gigazine_size" "row d1 $infoq_size" \
  'stdout_has "Inventor of PyTorch, a key platform for AI development"' \
  'stdout_has "Soumith Chintala Steps Down from PyTorch Leadership"'

finish
