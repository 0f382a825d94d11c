#!/usr/bin/env bash
# Photographs for the catalogue: re-encodes COUNT twelve-megapixel JPEGs (4000 × 3000, camera metadata, a third of
# them turned by EXIF orientation) with Photographs.Process, one after the other, as uploads are, and prints the ms per
# photo and the process's peak memory. Release build. Figures and their reading: docs/performance.md.
#   bench/photos.sh             # 30 photos
#   COUNT=10 bench/photos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-30}

work=$(mktemp -d /tmp/portal-photos.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "Making $COUNT test photos ..."
dotnet run -c Release bench/photos.cs -- make "$work" "$COUNT"
echo "Processing ..."
dotnet run -c Release bench/photos.cs -- process "$work"
