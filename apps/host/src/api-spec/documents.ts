/** The checked-in documents in the repository's `openapi/` folder: written by write-openapi, served by api-docs. */
export const HOST_DOCUMENT = 'host.json';
export const OPEN_PLATFORM_DOCUMENT = 'open-platform.json';
