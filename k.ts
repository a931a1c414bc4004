import { readDocument } from "./src/formats/index.js";
const d = await readDocument(process.argv[2]);
for (const b of d.pages.flatMap((p: any) => p.blocks).slice(0, 14)) console.log(b.kind === "table" ? "TABLE " + b.rows.slice(0, 5).map((r: any) => r.cells.map((c: any) => c.text).join(" ¦ ")).join("\n      ") : b.kind + ": " + b.text.slice(0, 100));
