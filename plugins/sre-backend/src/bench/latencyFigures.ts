/** The `p` quantile (0..1) of ascending `sorted` times: the smallest value at or above that share; NaN when empty. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[
        Math.min(
          sorted.length - 1,
          Math.max(0, Math.ceil(p * sorted.length) - 1),
        )
      ]
    : NaN;

/** A time in milliseconds as the benches print it. */
export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A count with thousands separators. */
export const thousands = (value: number) =>
  Math.round(value).toLocaleString('en-US');
