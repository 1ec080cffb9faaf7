import { ANNOTATION_TERRAFORM_WORKSPACES } from '../annotations';

/** An HCP Terraform workspace as `baton.dev/terraform-workspaces` names it. @public */
export interface TerraformWorkspaceRef {
  organization: string;
  workspace: string;
}

/** HCP Terraform's names: letters, digits, `-`, `_` (organizations also `.`). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The workspaces of an entity's `baton.dev/terraform-workspaces`
 * (comma-separated `organization/workspace`), and the entries that are not
 * of that form, for a warning.
 * @public
 */
export function terraformWorkspacesOf(
  annotations: Record<string, string> | undefined,
): { workspaces: TerraformWorkspaceRef[]; invalid: string[] } {
  const workspaces: TerraformWorkspaceRef[] = [];
  const invalid: string[] = [];
  for (const entry of (annotations?.[ANNOTATION_TERRAFORM_WORKSPACES] ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)) {
    const [organization, workspace, ...rest] = entry.split('/');
    if (
      rest.length ||
      !NAME.test(organization ?? '') ||
      !NAME.test(workspace ?? '')
    ) {
      invalid.push(entry);
    } else {
      workspaces.push({ organization, workspace });
    }
  }
  return { workspaces, invalid };
}

/**
 * `organization/workspace` in lower case: HCP Terraform treats names without
 * regard to case, so `Acme/Infra` in an annotation is the `acme/infra` a run
 * reports.
 * @public
 */
export function terraformWorkspaceKey(ref: TerraformWorkspaceRef): string {
  return `${ref.organization}/${ref.workspace}`.toLowerCase();
}
