import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { RunbookLink } from './RunbookLink';

describe('RunbookLink', () => {
  it('links an http(s) runbook, opening it apart from the portal', async () => {
    await renderInTestApp(
      <RunbookLink url="https://runbooks.example.com/checkout" />,
    );
    const link = screen.getByRole('link', { name: 'Runbook' });
    expect(link).toHaveAttribute(
      'href',
      'https://runbooks.example.com/checkout',
    );
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the stored XSS this test keeps out
    'javascript:alert(document.domain)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('shows %s as plain text, never as a link', async url => {
    await renderInTestApp(<RunbookLink url={url} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(url.trim(), { exact: false })).toBeInTheDocument();
  });

  it('shows nothing without a runbook', async () => {
    const { container } = await renderInTestApp(<RunbookLink />);
    expect(container.textContent).toBe('');
  });
});
