import { parseRepoSpec, repoSpecsOf } from './repoSpec';

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
