import { entityRefFromPath, entityRefToPath } from './entityRef';

describe('entityRefToPath', () => {
  it('turns a string ref into lower-case path segments', () => {
    expect(entityRefToPath('Component:default/Checkout-API')).toBe(
      'component/default/checkout-api',
    );
  });

  it('accepts a compound ref', () => {
    expect(
      entityRefToPath({ kind: 'Group', namespace: 'shop', name: 'payments' }),
    ).toBe('group/shop/payments');
  });
});

describe('entityRefFromPath', () => {
  it('builds the string ref from the three segments', () => {
    expect(entityRefFromPath('component', 'default', 'storefront')).toBe(
      'component:default/storefront',
    );
  });

  it('names the segment that is invalid', () => {
    expect(() => entityRefFromPath('component', 'default', 'a b')).toThrow(
      /segment 'name'/,
    );
    expect(() => entityRefFromPath('', 'default', 'x')).toThrow(
      /segment 'kind'/,
    );
  });

  it('round-trips with entityRefToPath', () => {
    const path = entityRefToPath('resource:default/aws-prod');
    const [kind, namespace, name] = path.split('/');
    expect(entityRefFromPath(kind, namespace, name)).toBe(
      'resource:default/aws-prod',
    );
  });
});
