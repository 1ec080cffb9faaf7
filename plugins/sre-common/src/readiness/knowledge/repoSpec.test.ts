import { parseRepoSpec, repoSpecsOf, runbookFileIn } from './repoSpec';

describe('parseRepoSpec', () => {
  it.each([
    ['.', { location: '.' }],
    [
      '../shop:services/checkout',
      { location: '../shop', subdir: 'services/checkout' },
    ],
    [
      'https://github.com/acme/shop.git',
      { location: 'https://github.com/acme/shop.git' },
    ],
    [
      'https://git.example.com:8443/acme/shop.git:services/search/',
      {
        location: 'https://git.example.com:8443/acme/shop.git',
        subdir: 'services/search',
      },
    ],
    [
      'git@github.com:acme/shop.git',
      { location: 'git@github.com:acme/shop.git' },
    ],
    [
      'git@github.com:acme/shop.git:web',
      { location: 'git@github.com:acme/shop.git', subdir: 'web' },
    ],
    ['C:\\repos\\shop:web', { location: 'C:\\repos\\shop', subdir: 'web' }],
  ])('reads %s', (spec, expected) => {
    expect(parseRepoSpec(spec)).toEqual(expected);
  });
});

describe('repoSpecsOf', () => {
  it('prefers baton.dev/repos, comma-separated', () => {
    expect(
      repoSpecsOf({
        'baton.dev/repos': 'https://github.com/acme/a.git, /srv/git/b.git:lib',
        'backstage.io/source-location': 'url:https://github.com/acme/ignored',
      }),
    ).toEqual([
      { location: 'https://github.com/acme/a.git' },
      { location: '/srv/git/b.git', subdir: 'lib' },
    ]);
  });

  it('turns a source-location browse URL into repository and folder', () => {
    expect(
      repoSpecsOf({
        'backstage.io/source-location':
          'url:https://github.com/acme/shop/tree/main/services/checkout/',
      }),
    ).toEqual([
      {
        location: 'https://github.com/acme/shop.git',
        subdir: 'services/checkout',
      },
    ]);
    expect(
      repoSpecsOf({
        'backstage.io/source-location':
          'url:https://gitlab.com/acme/shop/-/tree/main',
      }),
    ).toEqual([{ location: 'https://gitlab.com/acme/shop.git' }]);
    expect(
      repoSpecsOf({
        'backstage.io/source-location': 'url:https://github.com/acme/shop',
      }),
    ).toEqual([{ location: 'https://github.com/acme/shop' }]);
  });

  it('finds nothing without either annotation', () => {
    expect(repoSpecsOf({})).toEqual([]);
  });
});

describe('runbookFileIn', () => {
  const shop = { location: 'https://github.com/acme/shop.git' };
  it.each([
    ['https://github.com/acme/shop/blob/main/docs/runbook.md', [shop]],
    ['url:https://github.com/acme/shop/tree/main/docs/runbook.md', [shop]],
    [
      'https://GitHub.com/acme/shop/blob/v2/docs/runbook.md#restore',
      [{ location: 'git@github.com:acme/shop.git' }],
    ],
    [
      'https://gitlab.example/acme/shop/-/blob/main/docs/runbook.md',
      [{ location: 'https://token:x@gitlab.example/acme/shop' }],
    ],
  ])('finds %s in the repository', (url, specs) => {
    expect(runbookFileIn(url, specs)).toEqual({
      index: 0,
      path: 'docs/runbook.md',
    });
  });

  it('names the repository among several, and reads paths under a local one', () => {
    expect(
      runbookFileIn('https://github.com/acme/shop/blob/main/ops/rb.md', [
        { location: 'https://github.com/acme/infra.git' },
        shop,
      ]),
    ).toEqual({ index: 1, path: 'ops/rb.md' });
    expect(
      runbookFileIn('/srv/git/shop/docs/runbook.md', [
        { location: '/srv/git/shop' },
      ]),
    ).toEqual({ index: 0, path: 'docs/runbook.md' });
    expect(
      runbookFileIn('file:///srv/git/shop/docs/runbook.md', [
        { location: '/srv/git/shop/' },
      ]),
    ).toEqual({ index: 0, path: 'docs/runbook.md' });
  });

  it.each([
    ['another repository', 'https://github.com/acme/shop-docs/blob/main/rb.md'],
    ['a wiki', 'https://wiki.example/shop/runbook'],
    ['the repository itself', 'https://github.com/acme/shop'],
    ['a path escaping it', '/srv/git/shop/../other/rb.md'],
  ])('finds nothing for %s', (_, url) => {
    expect(
      runbookFileIn(url, [shop, { location: '/srv/git/shop' }]),
    ).toBeUndefined();
  });

  it('finds nothing outside the folder whose history is read', () => {
    const monorepo = {
      location: 'https://github.com/acme/mono.git',
      subdir: 'services/shop',
    };
    expect(
      runbookFileIn('https://github.com/acme/mono/blob/main/docs/rb.md', [
        monorepo,
      ]),
    ).toBeUndefined();
    expect(
      runbookFileIn(
        'https://github.com/acme/mono/blob/main/services/shop/RUNBOOK.md',
        [monorepo],
      ),
    ).toEqual({ index: 0, path: 'services/shop/RUNBOOK.md' });
  });
});
