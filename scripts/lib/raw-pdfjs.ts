/** The benchmarks' baseline: what pdf.js alone costs to get every page's text. Returns the page count. */
import { openPdf } from "../../src/formats/pdf-items.js";

export async function rawPdfJsPages(bytes: Buffer): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
