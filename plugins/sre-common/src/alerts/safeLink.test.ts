import { isHttpUrl, MAX_LINK_LENGTH } from './safeLink';

describe('isHttpUrl', () => {
  it.each([
    'https://runbooks.example.com/web',
    'http://grafana.internal:3000/d/abc?var=1#panel',
    'HTTPS://EXAMPLE.COM/',
    `https://example.com/${'a'.repeat(MAX_LINK_LENGTH - 20)}`,
  ])('takes %s', url => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the link this test keeps out
    ['a script', 'javascript:alert(document.domain)'],
    // eslint-disable-next-line no-script-url -- the link this test keeps out
    ['a script in capitals', 'JavaScript:alert(1)'],
    // eslint-disable-next-line no-script-url -- the link this test keeps out
    ['a script behind a space', ' javascript:alert(1)'],
    ['a script with a tab inside', 'java\tscript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a vbscript URL', 'vbscript:msgbox(1)'],
    ['a file URL', 'file:///etc/passwd'],
    ['a relative path', '/runbooks/web'],
    ['a scheme-relative URL', '//evil.example.com/'],
    ['an empty string', ''],
    ['a newline', 'https://example.com/\nx'],
    ['a trailing space', 'https://example.com/ '],
    ['too long', `https://example.com/${'a'.repeat(MAX_LINK_LENGTH)}`],
    ['not a URL', 'http://'],
    ['a number', 42],
    ['nothing', undefined],
  ])('refuses %s', (_, value) => {
    expect(isHttpUrl(value)).toBe(false);
  });
});
