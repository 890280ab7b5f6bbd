// Prices on the products' pages, brought with a commerce module.

/** A price in minor units as people read it: 1800 usd -> "$18.00", 500 jpy -> "¥500". */
export function formatPrice(minor: number, currency: string): string {
  const format = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
