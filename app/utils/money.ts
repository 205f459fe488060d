// Money is stored as whole pence, so sums are exact; it is shown the way UK readers expect it.

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** 125050 → "£1,250.50". */
export function formatPence(pence: number | null | undefined): string {
  return pounds.format((pence ?? 0) / 100);
}

/** 125050 → 1250.5, a number a spreadsheet can add up. */
export function penceToPounds(pence: number | null | undefined): number {
  return (pence ?? 0) / 100;
}

/** 125050 → "1250.50", for an amount field being edited. */
export function penceForInput(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  return (pence / 100).toFixed(2);
}
