#!/usr/bin/env bash
# Fetches Dear ImGui 1.90.1 from Debian's source package `imgui` (Debian 13, "trixie") with
# `apt-get source`, verifies its checksum, and unpacks it into third_party/ (git-ignored).
# The deb-src entry is derived from this machine's own apt configuration (the mirror it already
# uses), kept in a private apt state folder so the system's package lists are not touched.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="1.90.1+ds-1"
orig="imgui_1.90.1+ds.orig.tar.xz"
orig_sha256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"
dest="$root/third_party/imgui-1.90.1"

if [[ -f "$dest/imgui.h" && -f "$dest/.dramatis-verified" ]]; then
  exit 0
fi

# The Debian mirror this machine already uses: the first URI of a deb822 source, else the first
# "deb" line of a one-line-style list.
mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] || continue
  if grep -qE '^Suites:.*\b(bookworm|trixie|stable|sid)\b' "$f"; then
    mirror=$(awk '/^URIs:/ {print $2; exit}' "$f")
    [[ -n "$mirror" ]] && break
  fi
done
if [[ -z "$mirror" ]]; then
  mirror=$(grep -hE '^deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    grep -vE 'security' | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' |
    head -n 1)
fi
if [[ -z "$mirror" ]]; then
  echo "fetch-imgui: cannot find a Debian mirror in /etc/apt (sources.list or sources.list.d)" >&2
  exit 1
fi

work="$root/build/imgui-source"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/etc"
cat >"$work/etc/trixie.sources" <<SOURCES
Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
apt_opts=(-o "Dir::Etc::SourceList=$work/etc/trixie.sources" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root")

echo "fetch-imgui: apt-get source imgui=$version (deb-src from $mirror)"
if ! apt-get "${apt_opts[@]}" -qq update; then
  # An older debian-archive-keyring may lack the trixie signing keys. The tarball is checked
  # against the pinned SHA-256 below in any case, so the index signature is not what we rely on.
  echo "fetch-imgui: trixie's index signature could not be checked; relying on the pinned checksum"
  sed -i 's/^Signed-By:.*/Trusted: yes/' "$work/etc/trixie.sources"
  apt-get "${apt_opts[@]}" -qq update
fi
(cd "$work" && apt-get "${apt_opts[@]}" -qq source --download-only "imgui=$version")

echo "$orig_sha256  $work/$orig" | sha256sum --check --quiet || {
  echo "fetch-imgui: checksum mismatch for $orig; refusing to use it" >&2
  exit 1
}
rm -rf "$dest"
mkdir -p "$root/third_party"
tar -xf "$work/$orig" -C "$root/third_party"
touch "$dest/.dramatis-verified"
echo "fetch-imgui: Dear ImGui 1.90.1 unpacked into third_party/imgui-1.90.1"
