/** A page as the browser sees it after following redirects. */
export interface Page {
  url: URL;
  status: number;
  headers: Headers;
  body: string;
  /** Set when redirects were followed up to a URL the caller asked to stop before (e.g. an app's redirect URI). */
  stoppedAt?: URL;
}

export interface FormField {
  name: string;
  type: string;
  value: string;
  checked: boolean;
}

export interface HtmlForm {
  action: URL;
  method: string;
  fields: FormField[];
  /** Named submit buttons; which one is pressed is part of what the form submits. */
  buttons: { name: string; value: string; label: string }[];
}

/** Redirects a browser follows before giving up, like Chrome's 20. */
const MAX_REDIRECTS = 20;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (ENTITIES[name.toLowerCase()]) return ENTITIES[name.toLowerCase()]!;
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return found;
}

/** The forms of an HTML page, read the way a browser would submit them (enough for server-rendered pages). */
export function parseForms(page: Page): HtmlForm[] {
  return [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, formTag, inner]) => {
    const form = attributes(formTag!);
    const fields: FormField[] = [];
    for (const [, tag] of inner!.matchAll(/<input\b([^>]*)>/gi)) {
      const input = attributes(tag!);
      const name = input.get('name');
      if (!name || input.has('disabled')) continue;
      const type = (input.get('type') ?? 'text').toLowerCase();
      if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset') continue;
      fields.push({
        name,
        type,
        value: input.get('value') ?? (type === 'checkbox' ? 'on' : ''),
        checked: input.has('checked'),
      });
    }
    for (const [, tag, text] of inner!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attributes(tag!).get('name');
      if (name) fields.push({ name, type: 'textarea', value: decodeEntities(text!), checked: false });
    }
    const buttons = [...inner!.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].flatMap(
      ([, tag, label]) => {
        const button = attributes(tag!);
        const type = (button.get('type') ?? 'submit').toLowerCase();
        const name = button.get('name');
        return type === 'submit' && name
          ? [
              {
                name,
                value: button.get('value') ?? '',
                label: decodeEntities(label!.replace(/<[^>]*>/g, '')).trim(),
              },
            ]
          : [];
      },
    );
    return {
      action: new URL(form.get('action') || page.url.href, page.url),
      method: (form.get('method') ?? 'get').toUpperCase(),
      fields,
      buttons,
    };
  });
}

/**
 * A browser without a screen, for tests that walk through server-rendered pages over real HTTP: it keeps
 * cookies, follows redirects and submits forms. Cookies are kept per host name, not per port, as in real
 * browsers (so Kongjian and an app on 127.0.0.1 share a jar, as they would in Chrome). Cookie paths and
 * `Secure` are not modelled: the tests run on one plain-http host name.
 */
export class FormBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** Opens a URL and follows redirects, stopping (without requesting it) at the first URL `stopBefore` accepts. */
  async open(
    url: string | URL,
    options: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {},
    stopBefore?: (url: URL) => boolean,
  ): Promise<Page> {
    let target = new URL(url);
    let method = options.method ?? 'GET';
    let body = options.body;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers = new Headers(options.headers);
      const cookie = this.cookieHeader(target);
      if (cookie) headers.set('cookie', cookie);
      if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
      const response = await fetch(target, { method, headers, body, redirect: 'manual' });
      this.storeCookies(target, response.headers);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, target);
        if (stopBefore?.(next)) {
          return {
            url: target,
            status: response.status,
            headers: response.headers,
            body: '',
            stoppedAt: next,
          };
        }
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          body = undefined;
        }
        target = next;
        continue;
      }
      return { url: target, status: response.status, headers: response.headers, body: await response.text() };
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${String(url)}`);
  }

  /**
   * Submits a form with its current values, `values` filled in over them, unticked `uncheck` boxes, and
   * the submit button whose value or label matches `press` (else the first named one).
   */
  submit(
    form: HtmlForm,
    choices: { values?: Record<string, string>; uncheck?: string[]; press?: RegExp } = {},
    stopBefore?: (url: URL) => boolean,
  ): Promise<Page> {
    const data = new URLSearchParams();
    const filled = new Set<string>();
    for (const field of form.fields) {
      if (field.type === 'checkbox' || field.type === 'radio') {
        const unticked = choices.uncheck?.includes(field.value) || choices.uncheck?.includes(field.name);
        if (field.checked && !unticked) data.append(field.name, field.value);
        continue;
      }
      const value = choices.values?.[field.name];
      if (value !== undefined) filled.add(field.name);
      data.append(field.name, value ?? field.value);
    }
    for (const [name, value] of Object.entries(choices.values ?? {})) {
      if (!filled.has(name) && !form.fields.some((field) => field.name === name)) data.append(name, value);
    }
    const button = choices.press
      ? form.buttons.find(
          (candidate) => choices.press!.test(candidate.value) || choices.press!.test(candidate.label),
        )
      : form.buttons[0];
    if (choices.press && !button && form.buttons.length > 0)
      throw new Error(`no button matching ${choices.press} on the form to ${form.action}`);
    if (button) data.append(button.name, button.value);
    if (form.method === 'GET') {
      const target = new URL(form.action);
      target.search = data.toString();
      return this.open(target, {}, stopBefore);
    }
    return this.open(form.action, { method: form.method, body: data }, stopBefore);
  }

  private cookieHeader(url: URL): string {
    const jar = this.jars.get(url.hostname);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  private storeCookies(url: URL, headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair!.indexOf('=');
      if (separator <= 0) continue;
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      const jar = this.jars.get(url.hostname) ?? new Map<string, string>();
      this.jars.set(url.hostname, jar);
      const expired =
        value === '' ||
        attributes.some((attribute) => {
          const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim());
          if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
          return key.toLowerCase() === 'expires' && Date.parse(setting) <= Date.now();
        });
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}
