import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_IAM_USER,
  ANNOTATION_TERRAFORM_USER,
  KnowledgeHolder,
  KnowledgePerson,
} from '@baton/plugin-sre-common';

const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/**
 * Matches people to catalog Users: git identities by e-mail, then by GitHub
 * login; access-review principals and the people of a change by the name
 * their source gives.
 */
export class PeopleDirectory {
  readonly #byEmail = new Map<string, string>();
  readonly #byLogin = new Map<string, string>();
  readonly #byIamUser = new Map<string, string>();
  readonly #byTerraformUser = new Map<string, string>();
  readonly #byName = new Map<string, string>();

  constructor(users: Entity[]) {
    for (const user of users) {
      const ref = stringifyEntityRef(user);
      const email = (user.spec?.profile as { email?: string } | undefined)
        ?.email;
      if (email) this.#byEmail.set(email.toLowerCase(), ref);
      const login = user.metadata.annotations?.['github.com/user-login'];
      if (login) this.#byLogin.set(login.toLowerCase(), ref);
      const iamUser = user.metadata.annotations?.[ANNOTATION_AWS_IAM_USER];
      // IAM user names are case-insensitive.
      if (iamUser) this.#byIamUser.set(iamUser.toLowerCase(), ref);
      const terraformUser =
        user.metadata.annotations?.[ANNOTATION_TERRAFORM_USER];
      if (terraformUser) {
        this.#byTerraformUser.set(terraformUser.toLowerCase(), ref);
      }
      // A plain name is the User's metadata.name; the default namespace wins a clash.
      const name = user.metadata.name.toLowerCase();
      if (!this.#byName.has(name) || ref.startsWith('user:default/')) {
        this.#byName.set(name, ref);
      }
    }
  }

  /**
   * The User an access-review principal or a change's person is: a GitHub
   * login, an AWS IAM user, an e-mail address, an HCP Terraform user
   * (`baton.dev/terraform-user`) or a plain name (the User's
   * metadata.name); null when nobody in the catalog is.
   */
  matchPrincipal(kind: string, principal: string): string | null {
    const key = principal.toLowerCase();
    switch (kind) {
      case 'github-login':
        return this.#byLogin.get(key) ?? null;
      case 'aws-iam-user':
        return this.#byIamUser.get(key) ?? null;
      case 'email':
        return this.#byEmail.get(key) ?? null;
      case 'terraform-user':
        return this.#byTerraformUser.get(key) ?? null;
      case 'name':
        return this.#byName.get(key) ?? null;
      default:
        return null;
    }
  }

  match(holder: KnowledgeHolder): KnowledgePerson {
    let userRef: string | null = null;
    for (const email of holder.emails) {
      const login = GITHUB_NOREPLY.exec(email)?.[1];
      userRef =
        this.#byEmail.get(email) ??
        (login ? this.#byLogin.get(login.toLowerCase()) : undefined) ??
        null;
      if (userRef) break;
    }
    return { ...holder, userRef };
  }
}
