/** A number as printed: its digits and where the point stood, so that no float ever carries money. */
export interface ParsedNumber {
  /** Digits without separators or point, e.g. "1223456" for "12,234.56". */
  digits: string;
  /** Digits after the decimal point as printed. */
  decimals: number;
  negative: boolean;
}
