#!/usr/bin/env bash
# Every C++ file of the project is formatted as .clang-format says. Fails
# and names the files that are not; `scripts/format` rewrites them.
# Usage: clang_format.sh REPOSITORY_ROOT
set -euo pipefail
root="${1:-$(dirname "$0")/../..}"
cd "$root"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/install-deps installs it)" >&2; exit 1; }

mapfile -t files < <(scripts/format --list)
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  echo "${#bad[@]} of ${#files[@]} C++ files are not formatted; run scripts/format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} C++ files are formatted."
