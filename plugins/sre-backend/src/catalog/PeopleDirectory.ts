import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_IAM_USER,
  KnowledgeHolder,
  KnowledgePerson,
} from '@baton/plugin-sre-common';

const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/**
 * Matches people to catalog Users: git identities by e-mail, then by GitHub
 * login; access-review principals by the name their source gives.
 */
export class PeopleDirectory {
  readonly #byEmail = new Map<string, string>();
  readonly #byLogin = new Map<string, string>();
  readonly #byIamUser = new Map<string, string>();

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
    }
  }

  /** The User an access-review principal is; null when nobody in the catalog is. */
  matchPrincipal(kind: string, principal: string): string | null {
    const key = principal.toLowerCase();
    switch (kind) {
      case 'github-login':
        return this.#byLogin.get(key) ?? null;
      case 'aws-iam-user':
        return this.#byIamUser.get(key) ?? null;
      case 'email':
        return this.#byEmail.get(key) ?? null;
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
