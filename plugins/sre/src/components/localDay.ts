const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar day of a time in the user's time zone, YYYY-MM-DD. */
export function localDay(time: string | number | Date): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The start of a YYYY-MM-DD day in the user's time zone, as an ISO time. */
export const startOfLocalDay = (day: string): string =>
  new Date(`${day}T00:00:00`).toISOString();
