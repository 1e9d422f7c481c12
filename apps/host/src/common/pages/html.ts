import escapeHtml from 'escape-html';

/** Markup that is safe to send: made by {@link html}, never taken from a string someone sent. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** What a page may interpolate: text (escaped), markup made by `html`, lists of either, or nothing. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * An HTML fragment in which every interpolated value is escaped — app names, URLs and reasons are chosen by
 * strangers — except fragments made by `html` themselves; `null`, `undefined` and `false` leave nothing,
 * and lists are joined.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0];
  values.forEach((value, index) => (markup += render(value) + strings[index + 1]));
  return new Html(markup);
}
