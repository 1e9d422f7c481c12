/** The host's server-rendered pages: markup, layout and errors, forms with CSRF checks, words, express chains. */
export { runChain } from './express-chain';
export { type CsrfCookie, csrfTokenMatches, formField, issueCsrfToken, parseForm } from './forms';
export { type Html, html } from './html';
export { errorPageHandler, PageError, pageText, sendPage } from './page';
export { type PageParams, type PageTextKey, type Translate } from './page-text';
