import sanitizeHtml from 'sanitize-html';

/**
 * What survives in a blog body: formatting, links and images over http(s). Scripts, event handler
 * attributes, styles and `javascript:` (or any other non-web) URLs are removed.
 */
const BLOG_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'sub',
    'sup',
    'span',
    'h1',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer', target: '_blank' }),
  },
};

export function sanitizeBlogHtml(html: string): string {
  return sanitizeHtml(html, BLOG_HTML).trim();
}

const BLOCK_BOUNDARY =
  /<\/?(?:p|br|hr|h[1-4]|blockquote|pre|ul|ol|li|figure|figcaption|table|thead|tbody|tr|th|td)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * The text a reader sees in sanitized blog HTML (for keyword screening): tags removed, block
 * boundaries kept as line breaks so words of two paragraphs do not run together.
 */
export function blogText(sanitizedHtml: string): string {
  return sanitizedHtml
    .replace(BLOCK_BOUNDARY, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]);
}
