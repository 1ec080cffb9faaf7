import type { Entity } from '@backstage/catalog-model';
import { PeopleDirectory } from './PeopleDirectory';

const user = (
  name: string,
  options: {
    namespace?: string;
    email?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: options.namespace ?? 'default',
    annotations: options.annotations ?? {},
  },
  spec: { profile: options.email ? { email: options.email } : {} },
});

const people = new PeopleDirectory([
  user('alice', {
    email: 'alice@example.com',
    annotations: {
      'github.com/user-login': 'alice-gh',
      'baton.dev/terraform-user': 'alice-tfc',
    },
  }),
  // Another namespace's bob is found only when the default one is missing.
  user('bob', { namespace: 'contractors' }),
  user('bob'),
  user('carol', { namespace: 'contractors' }),
]);

describe('PeopleDirectory.matchPrincipal', () => {
  it('matches each identity kind of a change, case aside', () => {
    expect(people.matchPrincipal('github-login', 'Alice-GH')).toBe(
      'user:default/alice',
    );
    expect(people.matchPrincipal('email', 'ALICE@example.com')).toBe(
      'user:default/alice',
    );
    expect(people.matchPrincipal('terraform-user', 'alice-tfc')).toBe(
      'user:default/alice',
    );
    expect(people.matchPrincipal('name', 'Alice')).toBe('user:default/alice');
  });

  it('prefers the default namespace for a plain name', () => {
    expect(people.matchPrincipal('name', 'bob')).toBe('user:default/bob');
    expect(people.matchPrincipal('name', 'carol')).toBe(
      'user:contractors/carol',
    );
  });

  it('does not match one kind of identity by another', () => {
    // alice's Terraform name is not her GitHub login, nor a User's name.
    expect(people.matchPrincipal('github-login', 'alice-tfc')).toBeNull();
    expect(people.matchPrincipal('name', 'alice-tfc')).toBeNull();
    expect(people.matchPrincipal('terraform-user', 'alice')).toBeNull();
    expect(people.matchPrincipal('name', 'dave')).toBeNull();
  });
});
