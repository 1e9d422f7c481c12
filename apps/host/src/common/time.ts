/** An ISO 8601 instant for API responses, from a Date or the text a driver returned. */
export const iso = (value: Date | string): string => new Date(value).toISOString();

/** The UTC day of an instant, `YYYY-MM-DD`. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);
