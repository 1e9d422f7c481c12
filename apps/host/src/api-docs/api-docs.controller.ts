import path from 'node:path';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/problem';
import { Public } from '../common/public.decorator';
import { HOST_CONFIG, type HostConfig, DEFAULT_OPENAPI_DIR } from '../config/config';
import { HOST_DOCUMENT, OPEN_PLATFORM_DOCUMENT } from '../api-spec/documents';
import {
  docsPage,
  DOCS_PAGE_HEADERS,
  initScript,
  SWAGGER_UI_DIR,
  SWAGGER_UI_FILES,
  SWAGGER_UI_VERSION,
} from './docs-page';

/** The documents by their name under `/openapi/`, in the order the reference page offers them. */
const API_DOCUMENTS = [
  { file: HOST_DOCUMENT, title: 'Host API (first-party)' },
  { file: OPEN_PLATFORM_DOCUMENT, title: 'Open API (apps and plugins)' },
];

/** Whatever the host runs is what the documents describe: revalidate (ETag) on every read, keep no copy. */
const DOCUMENT_HEADERS = {
  'Cache-Control': 'no-cache',
  // Public descriptions, fetched by editors and code generators from other origins; no credentials involved.
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The API reference: the checked-in OpenAPI documents at stable URLs, and Swagger UI at `/docs` served from
 * the swagger-ui-dist package's own files (no CDN), switching between the two documents.
 */
@ApiExcludeController()
@Public()
@Controller()
export class ApiDocsController {
  private readonly documentsDir: string;

  constructor(@Inject(HOST_CONFIG) config: HostConfig) {
    this.documentsDir = config.openapiDir ?? DEFAULT_OPENAPI_DIR;
  }

  @Get('openapi.json')
  hostDocument(@Res() response: Response): Promise<void> {
    return this.sendDocument(HOST_DOCUMENT, response);
  }

  @Get('openapi/:file')
  document(@Param('file') file: string, @Res() response: Response): Promise<void> {
    if (!API_DOCUMENTS.some((document) => document.file === file)) throw notFound('OpenAPI document');
    return this.sendDocument(file, response);
  }

  @Get('docs')
  page(@Res() response: Response): void {
    response.set(DOCS_PAGE_HEADERS).type('html').send(docsPage().markup);
  }

  @Get('docs/init.js')
  init(@Res() response: Response): void {
    response.set(DOCS_PAGE_HEADERS).type('js').send(initScript(API_DOCUMENTS));
  }

  @Get('docs/swagger-ui/:version/:file')
  async asset(
    @Param('version') version: string,
    @Param('file') file: string,
    @Res() response: Response,
  ): Promise<void> {
    // Only the files the page loads, under the version installed: the URL names it, so it is cached for good.
    if (!SWAGGER_UI_FILES.has(file) || version !== SWAGGER_UI_VERSION) throw notFound('File');
    await sendFile(response, SWAGGER_UI_DIR, file, { maxAge: '365d', immutable: true });
  }

  private async sendDocument(file: string, response: Response): Promise<void> {
    await sendFile(response, this.documentsDir, file, { headers: DOCUMENT_HEADERS }).catch(() => {
      throw notFound('OpenAPI document');
    });
  }
}

/**
 * Express's sendFile (ETag, Last-Modified, conditional and HEAD requests) as a promise. It rejects only while
 * an error can still be answered (a missing file); a client gone mid-file leaves nothing to say.
 */
function sendFile(
  response: Response,
  dir: string,
  file: string,
  options: { headers?: Record<string, string>; maxAge?: string; immutable?: boolean },
): Promise<void> {
  return new Promise((resolve, reject) => {
    response.sendFile(path.join(dir, file), options, (error) =>
      error && !response.headersSent ? reject(error) : resolve(),
    );
  });
}
