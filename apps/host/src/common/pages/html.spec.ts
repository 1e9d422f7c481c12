import { html } from './html';

describe('html', () => {
  it('escapes what it is given, in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'friends'`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;';
    expect(html`<p title="${name}">${name}</p>`.markup).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it('keeps fragments it made, joins lists, and leaves nothing for null, undefined and false', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>${null}${undefined}${false}${0}`;
    expect(list.markup).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('does not take a string for markup, even one that looks like a fragment', () => {
    expect(html`${'<b>bold</b>'}`.markup).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });
});
