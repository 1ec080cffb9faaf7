import type { GitIdentity, HistoryCommit } from './history';
import { AuthorSet, greedyTruckFactor } from './truckFactor';

/** Coefficients of the degree-of-authorship model (Fritz et al., as used by Avelino et al., ICPC 2016). @public */
export const DOA_COEFFICIENTS = {
  intercept: 3.293,
  firstAuthorship: 1.098,
  deliveries: 0.164,
  acceptances: 0.321,
} as const;

/** DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC). @public */
export function degreeOfAuthorship(fa: 0 | 1, dl: number, ac: number): number {
  const c = DOA_COEFFICIENTS;
  return (
    c.intercept +
    c.firstAuthorship * fa +
    c.deliveries * dl -
    c.acceptances * Math.log(1 + ac)
  );
}

/** Bot identities that never count as people. @public */
export const DEFAULT_BOT_PATTERNS: string[] = [
  '\\[bot\\]',
  'dependabot',
  'renovate',
  'github-actions',
  'greenkeeper',
  'snyk-bot',
  'noreply@github\\.com$',
];

/** What the truck factor of a repository found about one person. @public */
export interface KnowledgeHolder {
  /** The name this person used most. */
  name: string;
  /** Every e-mail address merged into this person. */
  emails: string[];
  /** Files this person is an author of. */
  files: number;
  /** `files` as a fraction of the counted files. */
  share: number;
  commits: number;
  lastCommitAt: string | null;
}

/** The truck factor of a repository and who holds its knowledge. @public */
export interface TruckFactorResult {
  truckFactor: number;
  /** Files counted: those at the revision that GitHub Linguist counts (programming and markup; not vendored, generated or documentation). */
  fileCount: number;
  /** Counted files that have no author left among the people in the history. */
  filesWithoutAuthor: number;
  /** The people whose removal took coverage below 50%, in removal order. */
  truckFactorAuthors: KnowledgeHolder[];
  /** Everyone with a commit, most files first, ties by name. */
  people: KnowledgeHolder[];
  /** Which people author which files, for recomputing without some of them. */
  authorSets: AuthorSet[];
  /** `pairing` counts `Co-authored-by:` trailers; `classic` is the published algorithm. */
  mode: 'pairing' | 'classic';
  /** With `follow`: the history of each of those files that the commits touched. */
  followed?: FollowedFile[];
}

/** What the history shows of one file: when people last changed it and who did (people as indexes into `people`). @public */
export interface FollowedFile {
  path: string;
  /** The latest change by a person (bots left out); null when only bots changed it. */
  lastChangedAt: string | null;
  /** The people of that change: author and co-authors. */
  lastChangedBy: number[];
  /** Everyone who created or changed the file (through renames), most changes first. */
  changedBy: Array<{ person: number; changes: number }>;
}

interface FileRecord {
  /** Raw identity that created the file, or -1 when unknown (a bot, or before the history). */
  creator: number;
  /** Changes after creation, by raw identity. */
  changes: Map<number, number>;
  /** The latest commit by a person that touched it (ms), and their raw identities; shared with the commit, not copied. */
  lastAt?: number;
  lastBy?: number[];
}

/**
 * Streams a history (oldest commit first) into per-file authorship, then
 * computes the greedy truck factor. Memory grows with files × people, not
 * with the number of commits.
 * @public
 */
export class TruckFactorCalculator {
  readonly #pairing: boolean;
  readonly #botPatterns: RegExp[];
  readonly #files = new Map<string, FileRecord>();
  // Raw identities (one per distinct name/e-mail pair) and a union-find over them.
  readonly #identityIndex = new Map<string, number>();
  readonly #identities: Array<
    GitIdentity & { commits: number; lastCommitAt: number }
  > = [];
  readonly #parent: number[] = [];
  readonly #byEmail = new Map<string, number>();
  readonly #byName = new Map<string, number>();

  // Lower-cased name → the lower-cased name it is an alias of.
  readonly #aliasOf = new Map<string, string>();

  constructor(
    options: {
      pairing?: boolean;
      botPatterns?: string[];
      /** Pairs of names that are one person (alias.txt), compared case-insensitively. */
      aliases?: Array<[string, string]>;
    } = {},
  ) {
    this.#pairing = options.pairing ?? true;
    this.#botPatterns = (options.botPatterns ?? DEFAULT_BOT_PATTERNS).map(
      pattern => new RegExp(pattern, 'i'),
    );
    const canonical = (name: string) => {
      let current = name;
      while (this.#aliasOf.has(current)) current = this.#aliasOf.get(current)!;
      return current;
    };
    for (const [a, b] of options.aliases ?? []) {
      const [rootA, rootB] = [a, b].map(n => canonical(n.trim().toLowerCase()));
      if (rootA !== rootB) this.#aliasOf.set(rootB, rootA);
    }
    // Flatten, so that #identify looks each name up once.
    for (const name of [...this.#aliasOf.keys()])
      this.#aliasOf.set(name, canonical(name));
  }

  /** Adds one commit; commits must arrive oldest first. */
  addCommit(commit: HistoryCommit): void {
    const author = this.#isBot(commit.author)
      ? -1
      : this.#identify(commit.author);
    const contributors = author === -1 ? [] : [author];
    if (this.#pairing) {
      for (const coAuthor of commit.coAuthors) {
        if (!this.#isBot(coAuthor)) {
          const id = this.#identify(coAuthor);
          if (!contributors.includes(id)) contributors.push(id);
        }
      }
    }
    const time = commit.timestamp.getTime();
    for (const id of contributors) {
      const identity = this.#identities[id];
      identity.commits += 1;
      identity.lastCommitAt = Math.max(identity.lastCommitAt, time);
    }

    for (const change of commit.changes) {
      const record = this.#apply(change, author, contributors);
      // Bots' changes (formatting, dependency bumps) are nobody's review of the file.
      if (record && contributors.length) {
        record.lastAt = time;
        record.lastBy = contributors;
      }
    }
  }

  /** Applies one change to the file records; the record of the file as it is after it (none when deleted). */
  #apply(
    change: HistoryCommit['changes'][number],
    author: number,
    contributors: number[],
  ): FileRecord | undefined {
    switch (change.status) {
      case 'A':
      case 'C': {
        const record: FileRecord = { creator: author, changes: new Map() };
        this.#files.set(change.path, record);
        // The author created the file; co-authors paired on it.
        this.#count(record, contributors.slice(author === -1 ? 0 : 1));
        return record;
      }
      case 'D':
        this.#files.delete(change.path);
        return undefined;
      case 'R': {
        const previous = change.previousPath
          ? this.#files.get(change.previousPath)
          : undefined;
        if (change.previousPath) this.#files.delete(change.previousPath);
        const record = previous ?? { creator: -1, changes: new Map() };
        this.#files.set(change.path, record);
        this.#count(record, contributors);
        return record;
      }
      default: {
        let record = this.#files.get(change.path);
        if (!record) {
          // Created before the history we can see (e.g. outside a subfolder scope).
          record = { creator: -1, changes: new Map() };
          this.#files.set(change.path, record);
        }
        this.#count(record, contributors);
        return record;
      }
    }
  }

  /**
   * The truck factor over the given files (those at the revision, already
   * filtered), with the authors of each person.
   */
  compute(
    files: Iterable<string>,
    options: {
      /** Files (paths at the revision) whose last change and changers to report, e.g. a runbook. */
      follow?: string[];
    } = {},
  ): TruckFactorResult {
    const roots = this.#identities.map((_, id) => this.#find(id));
    const filesByPerson = new Map<number, number>();
    const authorsByFile: number[][] = [];

    for (const path of files) {
      const record = this.#files.get(path);
      const authors = record ? this.#authorsOf(record, roots) : [];
      authorsByFile.push(authors);
      for (const person of authors) {
        filesByPerson.set(person, (filesByPerson.get(person) ?? 0) + 1);
      }
    }

    const people = this.#people(roots, filesByPerson, authorsByFile.length);
    const indexByRoot = new Map(people.map((p, index) => [p.root, index]));
    const sets = new Map<string, AuthorSet>();
    for (const authors of authorsByFile) {
      const indexes = authors
        .map(a => indexByRoot.get(a)!)
        .sort((a, b) => a - b);
      const key = indexes.join(',');
      const set = sets.get(key);
      if (set) set.files += 1;
      else sets.set(key, { people: indexes, files: 1 });
    }
    const authorSets = [...sets.values()].filter(set => set.people.length > 0);
    const fileCount = authorsByFile.length;
    // People are sorted most files first, ties by name: that is the removal order.
    const truckFactorAuthors = greedyTruckFactor({
      authorSets,
      fileCount,
      order: people.map((_, index) => index),
    }).map(index => people[index].holder);

    return {
      truckFactor: truckFactorAuthors.length,
      fileCount,
      filesWithoutAuthor: authorsByFile.filter(a => a.length === 0).length,
      truckFactorAuthors,
      people: people.map(p => p.holder),
      authorSets,
      mode: this.#pairing ? 'pairing' : 'classic',
      ...(options.follow && {
        followed: options.follow.flatMap(path => {
          const record = this.#files.get(path);
          if (!record) return [];
          const person = (id: number) => indexByRoot.get(roots[id])!;
          const changes = new Map<number, number>();
          for (const [id, count] of record.changes) {
            changes.set(person(id), (changes.get(person(id)) ?? 0) + count);
          }
          if (record.creator !== -1) {
            const creator = person(record.creator);
            changes.set(creator, (changes.get(creator) ?? 0) + 1);
          }
          return [
            {
              path,
              lastChangedAt:
                record.lastAt === undefined
                  ? null
                  : new Date(record.lastAt).toISOString(),
              lastChangedBy: [...new Set((record.lastBy ?? []).map(person))],
              changedBy: [...changes]
                .map(([index, count]) => ({ person: index, changes: count }))
                .sort((a, b) => b.changes - a.changes || a.person - b.person),
            },
          ];
        }),
      }),
    };
  }

  #authorsOf(record: FileRecord, roots: number[]): number[] {
    const deliveries = new Map<number, number>();
    let total = 0;
    for (const [id, count] of record.changes) {
      const person = roots[id];
      deliveries.set(person, (deliveries.get(person) ?? 0) + count);
      total += count;
    }
    const creator = record.creator === -1 ? -1 : roots[record.creator];
    if (creator !== -1 && !deliveries.has(creator)) deliveries.set(creator, 0);

    const doas = [...deliveries].map(([person, dl]) => ({
      person,
      created: person === creator,
      doa: degreeOfAuthorship(person === creator ? 1 : 0, dl, total - dl),
    }));
    const highest = Math.max(...doas.map(d => d.doa));
    if (!(highest > 0)) return [];
    return doas
      .filter(
        d =>
          d.doa / highest > 0.75 &&
          (d.doa >= DOA_COEFFICIENTS.intercept || d.created),
      )
      .map(d => d.person);
  }

  #people(
    roots: number[],
    filesByPerson: Map<number, number>,
    fileCount: number,
  ): Array<{ root: number; holder: KnowledgeHolder }> {
    const grouped = new Map<number, number[]>();
    roots.forEach((root, id) => {
      const ids = grouped.get(root);
      if (ids) ids.push(id);
      else grouped.set(root, [id]);
    });
    const people = [...grouped].map(([root, ids]) => {
      const members = ids.map(id => this.#identities[id]);
      const nameCounts = new Map<string, number>();
      for (const m of members) {
        nameCounts.set(m.name, (nameCounts.get(m.name) ?? 0) + m.commits);
      }
      const name = [...nameCounts].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'),
      )[0][0];
      const last = Math.max(...members.map(m => m.lastCommitAt));
      const files = filesByPerson.get(root) ?? 0;
      return {
        root,
        holder: {
          name,
          emails: [...new Set(members.map(m => m.email.toLowerCase()))].sort(),
          files,
          share: fileCount ? files / fileCount : 0,
          commits: members.reduce((sum, m) => sum + m.commits, 0),
          lastCommitAt: last > 0 ? new Date(last).toISOString() : null,
        },
      };
    });
    // Most files first; ties by name, so the result never depends on input order.
    return people.sort(
      (a, b) =>
        b.holder.files - a.holder.files ||
        a.holder.name.localeCompare(b.holder.name, 'en') ||
        a.holder.emails[0].localeCompare(b.holder.emails[0], 'en'),
    );
  }

  #count(record: FileRecord, contributors: number[]): void {
    for (const id of contributors) {
      record.changes.set(id, (record.changes.get(id) ?? 0) + 1);
    }
  }

  #isBot(identity: GitIdentity): boolean {
    return this.#botPatterns.some(
      pattern => pattern.test(identity.name) || pattern.test(identity.email),
    );
  }

  /** The raw identity of a name/e-mail pair, merged with others by e-mail and by name. */
  #identify(identity: GitIdentity): number {
    const key = `${identity.name}\u0000${identity.email}`;
    const known = this.#identityIndex.get(key);
    if (known !== undefined) return known;

    const id = this.#identities.length;
    this.#identities.push({ ...identity, commits: 0, lastCommitAt: 0 });
    this.#parent.push(id);
    this.#identityIndex.set(key, id);
    const email = identity.email.trim().toLowerCase();
    const lowered = identity.name.trim().toLowerCase();
    const name = this.#aliasOf.get(lowered) ?? lowered;
    for (const [index, value] of [
      [this.#byEmail, email],
      [this.#byName, name],
    ] as const) {
      if (!value) continue;
      const other = index.get(value);
      if (other === undefined) index.set(value, id);
      else this.#union(other, id);
    }
    return id;
  }

  #find(id: number): number {
    let root = id;
    while (this.#parent[root] !== root) root = this.#parent[root];
    // Path compression: point every identity on the way at the root.
    for (let node = id; this.#parent[node] !== root; ) {
      const next = this.#parent[node];
      this.#parent[node] = root;
      node = next;
    }
    return root;
  }

  #union(a: number, b: number): void {
    const rootA = this.#find(a);
    const rootB = this.#find(b);
    if (rootA !== rootB)
      this.#parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}
