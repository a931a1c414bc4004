/**
 * A money figure as prose rules read it from the text: the number (digit groups or plain, decimals optional) in group
 * 1 and its unit (亿元, 万元, 元) in group 2, for parseAmountIn. One source for every rule that scans sentences for
 * amounts; compile it with the flags each needs.
 */
export const MONEY_FIGURE = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元)`;
