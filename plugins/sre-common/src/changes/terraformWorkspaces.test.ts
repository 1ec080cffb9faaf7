import {
  terraformWorkspaceKey,
  terraformWorkspacesOf,
} from './terraformWorkspaces';

describe('terraformWorkspacesOf', () => {
  it('reads comma-separated organization/workspace entries and sets the others apart', () => {
    expect(
      terraformWorkspacesOf({
        'baton.dev/terraform-workspaces':
          ' acme/checkout-prod , ,acme.io/db_main,checkout,a/b/c,/x',
      }),
    ).toEqual({
      workspaces: [
        { organization: 'acme', workspace: 'checkout-prod' },
        { organization: 'acme.io', workspace: 'db_main' },
      ],
      invalid: ['checkout', 'a/b/c', '/x'],
    });
  });

  it('finds nothing without the annotation', () => {
    expect(terraformWorkspacesOf(undefined)).toEqual({
      workspaces: [],
      invalid: [],
    });
  });

  it('keys workspaces without regard to case', () => {
    expect(
      terraformWorkspaceKey({ organization: 'Acme', workspace: 'Infra' }),
    ).toBe('acme/infra');
  });
});
