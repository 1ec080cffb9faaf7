import type { Entity } from '@backstage/catalog-model';
import {
  deploymentRepositoriesOf,
  githubRepositoryOf,
  githubWebHost,
} from './deploymentRepositories';

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

describe('githubRepositoryOf', () => {
  it.each([
    ['https://github.com/acme/checkout-api', 'acme', 'checkout-api'],
    ['https://github.com/acme/checkout-api.git', 'acme', 'checkout-api'],
    ['https://github.com/acme/infra/tree/main/checkout', 'acme', 'infra'],
    ['git@github.com:acme/infra.git', 'acme', 'infra'],
    ['ssh://git@github.com/acme/infra.git', 'acme', 'infra'],
    ['url:https://GitHub.com/acme/web/', 'acme', 'web'],
  ])('reads %s', (location, owner, repo) => {
    expect(githubRepositoryOf(location, 'github.com')).toEqual({
      owner,
      repo,
    });
  });

  it.each([
    './infra',
    '/srv/git/infra.git',
    'https://gitlab.com/acme/infra',
    'https://github.example.com/acme/infra',
    'https://github.com/acme',
  ])('is undefined for %s', location => {
    expect(githubRepositoryOf(location, 'github.com')).toBeUndefined();
  });

  it("takes a GitHub Enterprise Server's host from its API root", () => {
    expect(githubWebHost('https://api.github.com')).toBe('github.com');
    expect(githubWebHost('https://github.example.com/api/v3')).toBe(
      'github.example.com',
    );
    expect(
      githubRepositoryOf(
        'https://github.example.com/acme/infra',
        githubWebHost('https://github.example.com/api/v3'),
      ),
    ).toEqual({ owner: 'acme', repo: 'infra' });
  });
});

describe('deploymentRepositoriesOf', () => {
  it('lists each repository once, with the entities that name it, IaC when any names it in baton.dev/iac', () => {
    expect(
      deploymentRepositoriesOf(
        [
          component('checkout-api', {
            'baton.dev/repos':
              'https://github.com/acme/checkout-api.git:services/api',
            'baton.dev/iac': 'https://github.com/acme/infra/tree/main/checkout',
          }),
          component('inventory-sync', {
            'baton.dev/iac':
              'https://github.com/ACME/Infra/tree/main/inventory, ./terraform',
            'backstage.io/source-location':
              'url:https://github.com/acme/inventory-sync/tree/main/',
          }),
          // baton.dev/repos replaces source-location, as for the knowledge source.
          component('web', {
            'baton.dev/repos': 'https://github.com/acme/web',
            'backstage.io/source-location':
              'url:https://github.com/acme/not-read/tree/main/',
          }),
        ],
        'github.com',
      ),
    ).toEqual([
      {
        owner: 'acme',
        repo: 'checkout-api',
        entityRefs: ['component:default/checkout-api'],
        iac: false,
      },
      {
        owner: 'acme',
        repo: 'infra',
        entityRefs: [
          'component:default/checkout-api',
          'component:default/inventory-sync',
        ],
        iac: true,
      },
      {
        owner: 'acme',
        repo: 'inventory-sync',
        entityRefs: ['component:default/inventory-sync'],
        iac: false,
      },
      {
        owner: 'acme',
        repo: 'web',
        entityRefs: ['component:default/web'],
        iac: false,
      },
    ]);
  });
});
