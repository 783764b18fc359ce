#!/usr/bin/env bash
# Install what newsgraph needs on Debian 12, only when something is missing.
# Build: cmake, a C compiler, pkg-config, raptor2, igraph, cJSON, utf8proc.
# Tests: cmocka, and the independent checkers the end-to-end tests run:
# serdi and rapper (RDF), xmllint (XML, GEXF RelaxNG), python3 with
# networkx/igraph/rdflib, clang for the fuzzers, valgrind, and node/npm for
# the JavaScript clients of Gephi Lite (graphology) and Oxigraph.
set -euo pipefail
what="${1:-build}"   # build | test
pkgs=(build-essential cmake pkg-config libraptor2-dev libigraph-dev libcjson-dev libutf8proc-dev)
if [ "$what" = test ]; then
  pkgs+=(libcmocka-dev raptor2-utils serdi libxml2-utils python3 python3-networkx python3-igraph
         python3-rdflib clang libclang-rt-14-dev valgrind time librsvg2-bin nodejs npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from outside Debian (nvm, a tarball): accept any working ones
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [ "$p" = nodejs ] || [ "$p" = npm ] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "$what" = test ] && [ -f tests/node/package.json ] && [ ! -d tests/node/node_modules ]; then
  echo "deps: npm packages for the client checks (tests/node)"
  (cd tests/node && { npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || npm install --no-audit --no-fund --loglevel=error >/dev/null; }) \
    || echo "deps: npm install failed; the JavaScript client checks will be skipped"
fi
