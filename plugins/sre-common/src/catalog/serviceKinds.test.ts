import { isServiceKind, SERVICE_KINDS } from './serviceKinds';

describe('isServiceKind', () => {
  it('takes components, systems and resources in any case', () => {
    expect(SERVICE_KINDS).toEqual(['component', 'system', 'resource']);
    expect(isServiceKind('Component')).toBe(true);
    expect(isServiceKind('system')).toBe(true);
    expect(isServiceKind('RESOURCE')).toBe(true);
  });

  it('leaves out people, teams and other kinds', () => {
    expect(isServiceKind('User')).toBe(false);
    expect(isServiceKind('Group')).toBe(false);
    expect(isServiceKind('API')).toBe(false);
    expect(isServiceKind('Domain')).toBe(false);
  });
});
