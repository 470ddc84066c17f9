#!/usr/bin/env bash
# Regenerates the TypeScript types of every proto into libs/grpc/src/generated. Run: npm run proto:gen
set -euo pipefail
cd "$(dirname "$0")/.."
out=libs/grpc/src/generated
rm -rf "$out"
mkdir -p "$out"
protos=$(cd protos && find . -name '*.proto' | sed 's#^\./##' | sort)
(cd protos && ../node_modules/.bin/proto-loader-gen-types \
  --grpcLib=@grpc/grpc-js --outDir="../$out" \
  --includeDirs=. --keepCase --longs=Number --enums=String --defaults --oneofs \
  $protos)
echo "generated types for: $protos"
