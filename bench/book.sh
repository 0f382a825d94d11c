#!/usr/bin/env bash
# The catalogue's book: 120 accepted contributions of about 10 pages with 3 photographs each. Times the portal's PDF
# build (headless Chromium; cold and warm) and the contribution form's page estimate, then, on the same content
# exported as Markdown, pandoc + WeasyPrint's PDF and pandoc's EPUB. Prints one line per case.
#   bench/book.sh                         # 120 contributions
#   CHAPTERS=30 bench/book.sh
#   WORK=/tmp/book-bench bench/book.sh    # keeps the photographs (made once, ~3 min) and the outputs there
# Figures and their reading: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CHAPTERS=${CHAPTERS:-120}
WORK=${WORK:-/tmp/portal-book-bench}
mkdir -p "$WORK"

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ]] || missing+=(fonts-liberation2)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v weasyprint >/dev/null || missing+=(weasyprint)
if [[ ${#missing[@]} -gt 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ms() { date +%s%3N; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
mb() { du -m "$1" | cut -f1; }

echo "Generating the book and timing the portal (Release) ..."
dotnet run -c Release bench/book.cs -- "$WORK" "$CHAPTERS" | tee "$WORK/portal.log"

# pandoc + WeasyPrint: pandoc writes HTML with its own stylesheet and WeasyPrint lays it out. The stylesheet below
# gives it A4, page numbers and photographs fitted to the column, as ours does.
cat >"$WORK/weasyprint.css" <<'CSS'
@page { size: A4; margin: 24mm 22mm 22mm 22mm; @bottom-center { content: counter(page); } }
html { font: 10.5pt/1.45 "Liberation Serif", serif; }
body { margin: 0; max-width: none; padding: 0; }
h1 { break-before: page; }
img { display: block; width: 100%; max-height: 120mm; object-fit: contain; }
figure { break-inside: avoid; margin: 5mm 0; }
blockquote { border-left: 1.2mm solid #2a6f97; background: #eef4f8; padding: 3mm 5mm; }
CSS
cd "$WORK"
rm -f pandoc.pdf pandoc.epub
start=$(ms)
pandoc book.md --standalone --toc --resource-path=. --css=weasyprint.css --pdf-engine=weasyprint -o pandoc.pdf
weasy_ms=$(( $(ms) - start ))
echo "RESULT pandoc-weasyprint-pdf ${weasy_ms} ms, $(pages pandoc.pdf) pages, $(mb pandoc.pdf) MB"

start=$(ms)
pandoc book.md --standalone --toc --resource-path=. -o pandoc.epub
epub_ms=$(( $(ms) - start ))
echo "RESULT pandoc-epub ${epub_ms} ms, $(mb pandoc.epub) MB"

portal_ms=$(awk '/^RESULT portal-pdf-cold/ { print $3 }' portal.log)
echo "RESULT portal-pdf $(pages portal.pdf) pages, $(mb portal.pdf) MB; pandoc + WeasyPrint / portal (cold) = $(awk -v w="$weasy_ms" -v p="$portal_ms" 'BEGIN { printf "%.1f", w / p }')×"
# The portal's EPUB builder (issue 11, EPUB helper) is timed in bench/book.cs once merged; its RESULT line appears above.
