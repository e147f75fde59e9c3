#!/usr/bin/env bash
# Breaking-change check of the crm.v2 contract: `buf breaking` (rules FILE, buf.yaml) of protos/ against the
# contract at a git ref, by default the latest release tag v2.*. A clone without tags falls back to the
# commit that v2.0.0 names, the first release baseline. googleapis is staged from the installed
# googleapis-common-protos on both sides (make proto-deps), since buf cannot resolve it from a registry here.
#   scripts/proto_breaking.sh [REF] [TREE]   (TREE holds protos/, third_party/ and buf.yaml; default: this
#   checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
V2_0_0=d0d63710f2151087775d691aea3812beb383fcbf
buf=${BUF:-$(go env GOPATH)/bin/buf}
ref=${1:-}
if [ -z "$ref" ]; then
  ref=$(git describe --tags --abbrev=0 --match 'v2.*' 2>/dev/null || echo "$V2_0_0")
fi
current=${2:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/base/build" "$work/current/build"
# the vendored protos the contract imports (buf.validate), where the ref has them
git archive "$ref" protos buf.yaml $(git ls-tree --name-only "$ref" third_party) | tar -x -C "$work/base"
cp -r "$current/protos" "$current/third_party" "$current/buf.yaml" "$work/current/"
for side in base current; do
  cp -r build/proto-deps "$work/$side/build/"
  (cd "$work/$side" && "$buf" build -o image.binpb)
done
"$buf" breaking "$work/current/image.binpb" --against "$work/base/image.binpb"
echo "no breaking change against $ref"
