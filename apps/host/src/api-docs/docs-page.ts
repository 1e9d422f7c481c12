import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageHeaders } from '../common/page-headers';
import { type Html, html } from '../common/pages';

const SWAGGER_UI_PACKAGE = require.resolve('swagger-ui-dist/package.json');

/** Where swagger-ui-dist keeps its built files: the page loads them from here, never from a CDN. */
export const SWAGGER_UI_DIR = path.dirname(SWAGGER_UI_PACKAGE);

/** In the assets' URLs, so a new version of the package is a new URL and the old files can be cached for good. */
export const SWAGGER_UI_VERSION: string = JSON.parse(readFileSync(SWAGGER_UI_PACKAGE, 'utf8')).version;

/** The package's files the page loads; nothing else of it (its own demo page and initializer) is served. */
export const SWAGGER_UI_FILES = new Set([
  'swagger-ui.css',
  'index.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
]);

const asset = (file: string) => `/docs/swagger-ui/${SWAGGER_UI_VERSION}/${file}`;

/** Swagger UI draws its icons from data: URLs; its configuration is a script of its own, not inline. */
export const DOCS_PAGE_HEADERS = pageHeaders(["img-src 'self' data:"]);

export function docsPage(): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Kongjian API reference</title>
        <link rel="stylesheet" href="${asset('swagger-ui.css')}" />
        <link rel="stylesheet" href="${asset('index.css')}" />
        <link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}" sizes="32x32" />
        <link rel="icon" type="image/png" href="${asset('favicon-16x16.png')}" sizes="16x16" />
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="${asset('swagger-ui-bundle.js')}"></script>
        <script src="${asset('swagger-ui-standalone-preset.js')}"></script>
        <script src="/docs/init.js"></script>
      </body>
    </html> `;
}

/** Starts Swagger UI with a switch (its standalone top bar) between the documents, the first one open. */
export function initScript(documents: { file: string; title: string }[]): string {
  const config = {
    urls: documents.map((document) => ({ name: document.title, url: `/openapi/${document.file}` })),
    'urls.primaryName': documents[0]?.title,
    dom_id: '#swagger-ui',
    deepLinking: true,
    layout: 'StandaloneLayout',
    // Swagger UI would otherwise send the document to validator.swagger.io for a badge: nothing leaves the host.
    validatorUrl: null,
  };
  return `window.ui = SwaggerUIBundle({
  ...${JSON.stringify(config)},
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
});
`;
}
