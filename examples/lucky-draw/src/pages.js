/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * @param {string} title
 * @param {string} body
 */
function layout(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
button,.button{font-size:1.1rem;padding:.5rem 1.2rem}</style></head>
<body><h1>🎲 Lucky Draw</h1>
${body}
</body>
</html>
`;
}

export function signInPage() {
  return layout(
    'Lucky Draw',
    `<p>Draw a lucky friend and tell everyone about it.</p>
<p><a class="button" href="/login">Sign in with Kongjian</a></p>`,
  );
}

/**
 * @param {{ nickname: string; draws: number; csrfToken: string; flash?: string }} view
 */
export function drawPage(view) {
  const flash = view.flash ? `<p role="status"><strong>${escapeHtml(view.flash)}</strong></p>` : '';
  return layout(
    'Lucky Draw',
    `<p>Hello, ${escapeHtml(view.nickname)}! You have drawn ${view.draws} time${view.draws === 1 ? '' : 's'}.</p>
${flash}
<form method="post" action="/draw">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">
<button type="submit">Draw a lucky friend</button>
</form>
<form method="post" action="/logout">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">
<button type="submit">Sign out</button>
</form>`,
  );
}

/** @param {string} message */
export function errorPage(message) {
  return layout('Lucky Draw', `<p>${escapeHtml(message)}</p><p><a href="/">Back</a></p>`);
}
