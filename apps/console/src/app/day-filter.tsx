import { Form, Input } from 'antd';

/** Sets one filter in the address (a blank value removes it). */
export type SetFilter = (key: string, value?: string) => void;

/** A day picked in the person's own time zone, as the instant it starts (`plusDays` later). */
export const dayStart = (day: string, plusDays = 0): string => {
  const start = new Date(`${day}T00:00`);
  start.setDate(start.getDate() + plusDays);
  return start.toISOString();
};

/** A day in the person's calendar for a `from`/`to` range; the other bound keeps the range the right way round. */
export function DayFilter({
  idPrefix,
  name,
  label,
  raw,
  set,
}: {
  /** Tells the form's fields apart from another form's on the same page. */
  idPrefix: string;
  name: 'from' | 'to';
  label: string;
  raw: Record<string, string>;
  set: SetFilter;
}) {
  return (
    <Form.Item label={label} htmlFor={`${idPrefix}-${name}`}>
      <Input
        id={`${idPrefix}-${name}`}
        type="date"
        value={raw[name] ?? ''}
        min={name === 'to' ? raw.from : undefined}
        max={name === 'from' ? raw.to : undefined}
        onChange={(event) => set(name, event.target.value)}
      />
    </Form.Item>
  );
}
