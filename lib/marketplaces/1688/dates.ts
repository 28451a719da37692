// 1688's date strings, `yyyyMMddHHmmssSSS+0800` (params and answers; shared docs/marketplaces.md §2.3), and
// the shorter `yyyyMMddHHmmss+0800` of older getToken examples. The sandbox writes them with the same helper.

const AOP_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?([+-])(\d{2})(\d{2})$/;

/** China Standard Time, the zone 1688 writes every date in. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/** The instant a 1688 date string names, or null when it is not one. */
export function parseAopDate(text: string): Date | null {
  const parts = AOP_DATE.exec(text.trim());
  if (!parts) return null;
  const [year, month, day, hour, minute, second, millis = "0", sign, offsetHours, offsetMinutes] = parts.slice(1) as string[];
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(millis));
  const offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const date = new Date(local - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `20180717174002000+0800` for an instant, written in China time as 1688 does. */
export function formatAopDate(time: number | Date): string {
  const local = new Date(new Date(time).getTime() + CHINA_OFFSET_MINUTES * 60_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}${pad(local.getUTCMilliseconds(), 3)}+0800`
  );
}
