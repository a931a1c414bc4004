/** A column of tabular output: the same shape for tables, CSV, XLSX and JSON (sqlite-utils style output flags). */
export interface Column {
  key: string;
  /** Chinese header shown to people in table and CSV output; JSON keeps `key`. */
  header: string;
  align?: "left" | "right";
}
