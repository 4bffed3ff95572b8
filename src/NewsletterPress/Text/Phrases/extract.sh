#!/bin/sh
# Writes budoux-ja.json from the npm package budoux (default 0.9.2): the model object of src/data/models/ja.ts as JSON.
set -e
version=${1:-0.9.2}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
npm pack "budoux@$version" >/dev/null
tar xzf "budoux-$version.tgz"
python3 - "$here/budoux-ja.json" <<'PY'
import json, sys
source = open('package/src/data/models/ja.ts', encoding='utf-8').read()
model = json.loads(source[source.index('= {') + 2:].rstrip().rstrip(';'))
json.dump(model, open(sys.argv[1], 'w', encoding='utf-8'), ensure_ascii=False, separators=(',', ':'))
PY
rm -rf "$work"
