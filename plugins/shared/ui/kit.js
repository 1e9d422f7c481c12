// The canvas kit: what every built-in plugin's canvas needs, served by the host at /apps/_kit/kit.js.
// A plain browser script loaded before the canvas's own app.js, which uses the global `kit`.
'use strict';

const kit = (() => {
  /** An answer that was not a success; its message is the problem's detail (or title). */
  class ProblemError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      /** The problem's code (application/problem+json), or undefined. */
      this.code = problem ? problem.code : undefined;
    }
  }

  /** A JSON call under the user's session: the answer's body, or a ProblemError. */
  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): the status says what happened.
    }
    if (!response.ok) throw new ProblemError(response.status, data);
    return data;
  }

  /** `call` for the plugin's own routes, under `/apps/<pluginId>/api`. */
  const pluginApi = (pluginId) => (method, path, body) => call(method, `/apps/${pluginId}/api${path}`, body);

  const $ = (id) => document.getElementById(id);

  /** Builds an element; strings become text nodes, never HTML, so nothing a user wrote is markup. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value !== false && value !== null && value !== undefined)
        node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  let noticeTimer;
  /**
   * Shows a message in the page's notice (the element with `data-notice`; its value, if any, is how
   * long the message stays, in ms). `kind` is info, success or error (`data-kind`, for the styles).
   */
  function notify(message, kind = 'info') {
    const notice = document.querySelector('[data-notice]');
    notice.textContent = message;
    notice.dataset.kind = kind;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.hidden = true), Number(notice.dataset.notice) || 6000);
  }

  /** Calls `select(tab)` when a tab (a `[role=tab]` button with `data-tab`) is clicked. */
  function onTab(select) {
    for (const button of document.querySelectorAll('[role=tab]')) {
      button.addEventListener('click', () => select(button.dataset.tab));
    }
  }

  /** Shows the `.panel` with the id `tab-<panel>` alone, and marks the tab `tab` as the selected one. */
  function showPanel(panel, tab = panel) {
    for (const section of document.querySelectorAll('.panel')) section.hidden = section.id !== `tab-${panel}`;
    for (const button of document.querySelectorAll('[role=tab]')) {
      button.setAttribute('aria-selected', String(button.dataset.tab === tab));
    }
  }

  return Object.freeze({ ProblemError, call, pluginApi, $, el, notify, onTab, showPanel });
})();
