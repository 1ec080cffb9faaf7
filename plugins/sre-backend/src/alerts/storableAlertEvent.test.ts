import type { AlertEvent } from '@baton/plugin-sre-node';
import { storableAlertEvent } from './storableAlertEvent';

const event = (overrides: Partial<AlertEvent> = {}): AlertEvent => ({
  source: 'generic',
  sourceKey: 'k-1',
  monitor: 'Checkout5xx',
  title: 'Checkout 5xx above 1%',
  severity: 'critical',
  status: 'firing',
  startsAt: '2025-01-10T10:00:00.000Z',
  at: '2025-01-10T10:00:00.000Z',
  labels: { service: 'checkout' },
  ...overrides,
});

describe('storableAlertEvent', () => {
  it('keeps an event that is fine as it is', () => {
    const fine = event({
      links: [{ url: 'https://grafana.example.com/d/1', title: 'Grafana' }],
      runbookUrl: 'https://runbooks.example.com/checkout',
    });
    expect(storableAlertEvent(fine)).toEqual({ event: fine });
  });

  it('drops links and a runbook that are not http(s)', () => {
    const result = storableAlertEvent(
      event({
        // eslint-disable-next-line no-script-url -- the stored XSS this keeps out
        runbookUrl: 'javascript:alert(document.domain)',
        links: [
          { url: 'data:text/html,<script>alert(1)</script>' },
          { url: 'https://example.com/ok' },
        ],
      }),
    );
    expect(result.problem).toBeUndefined();
    expect(result).toEqual({
      event: expect.not.objectContaining({ runbookUrl: expect.anything() }),
    });
    expect(result.problem === undefined && result.event.links).toEqual([
      { url: 'https://example.com/ok' },
    ]);
  });

  it('cuts a long title, replaces NUL and half surrogate pairs, as the databases would store them', () => {
    const result = storableAlertEvent(
      event({
        sourceKey: 'k-\ud800',
        monitor: 'm-\udc00',
        title: `a\u0000b\ud83d${'x'.repeat(2000)}`,
      }),
    );
    if (result.problem !== undefined) throw new Error(result.problem);
    expect(result.event.sourceKey).toBe('k-\uFFFD');
    expect(result.event.monitor).toBe('m-\uFFFD');
    expect(result.event.title).toHaveLength(1024);
    expect(result.event.title.startsWith('a\uFFFDb\uFFFDx')).toBe(true);
    // Cut with a marker, so that a reader knows there was more.
    expect(result.event.title.endsWith('x…')).toBe(true);
  });

  it('never cuts a title inside a surrogate pair', () => {
    // 1022 units, then an emoji (2 units) across the cut at 1023.
    const title = `${'x'.repeat(1022)}😀${'y'.repeat(10)}`;
    const result = storableAlertEvent(event({ title }));
    if (result.problem !== undefined) throw new Error(result.problem);
    expect(result.event.title).toBe(`${'x'.repeat(1022)}…`);
  });

  it('keeps a title that fits as it is, without a marker', () => {
    const title = 't'.repeat(1024);
    const result = storableAlertEvent(event({ title }));
    expect(result.problem === undefined && result.event.title).toBe(title);
  });

  it.each<[string, Partial<AlertEvent>, RegExp]>([
    ['a key too long', { sourceKey: 'k'.repeat(513) }, /^sourceKey must be/],
    ['a key with NUL', { sourceKey: 'a\u0000' }, /^sourceKey must be/],
    ['an empty key', { sourceKey: '' }, /^sourceKey must be/],
    ['a monitor too long', { monitor: 'm'.repeat(513) }, /^monitor must be/],
    [
      'a severity that is no severity',
      { severity: 'constructor' as AlertEvent['severity'] },
      /^severity must be/,
    ],
    [
      'a status that is no status',
      { status: 'open' as AlertEvent['status'] },
      /^status must be/,
    ],
    ['a start before 1970', { startsAt: '1969-12-31T23:59:59Z' }, /^startsAt/],
    ['an end after 9999', { endsAt: '+010000-01-01T00:00:00Z' }, /^endsAt/],
    ['an at that is no time', { at: 'soon' }, /^at must be/],
    [
      'an acknowledgement at year 1',
      {
        acknowledgements: [
          { userRef: 'user:default/a', at: '0001-01-01T00:00:00Z' },
        ],
      },
      /^acknowledgements\[0\]\.at/,
    ],
    [
      'an acknowledgement by a ref too long for its column',
      {
        acknowledgements: [
          {
            userRef: `user:default/${'a'.repeat(250)}`,
            at: '2025-01-10T10:05:00Z',
          },
        ],
      },
      /^acknowledgements\[0\]\.userRef must be/,
    ],
  ])('names the field of %s', (_, overrides, problem) => {
    expect(storableAlertEvent(event(overrides))).toEqual({
      problem: expect.stringMatching(problem),
    });
  });
});
