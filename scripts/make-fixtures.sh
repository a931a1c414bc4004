#!/bin/sh
# Regenerates the committed fixtures. TXT and gold files are byte-identical for these seeds; DOCX and PDF differ
# only in zip entry times and LibreOffice's PDF dates. PDFs need LibreOffice (soffice) and fonts-noto-cjk.
#   fixtures/reports/  3 departments × 2021–2023, one format per report (TXT, DOCX, PDF mixed), with gold files
#   fixtures/samples/  sample-report and sample-project, each as .txt, .docx and .pdf from the same content
set -e
cd "$(dirname "$0")/.."
rm -f fixtures/reports/*.txt fixtures/reports/*.docx fixtures/reports/*.pdf fixtures/reports/*.gold.json
npx tsx scripts/generate-corpus.ts --departments 3 --years 2021-2023 --formats txt,docx,txt,pdf --mixed \
  --seed fixtures-157 --inject-rate 0.6 --project-rate 0.12 --out fixtures/reports
rm -f fixtures/samples/sample-report.* fixtures/samples/sample-project.*
npx tsx scripts/generate-corpus.ts --samples --years 2023 --formats txt,docx,pdf --seed samples-1 --out fixtures/samples
