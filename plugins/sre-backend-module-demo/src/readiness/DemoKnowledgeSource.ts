import type { GitIdentity, HistoryCommit } from '@baton/plugin-sre-common';
import type {
  KnowledgeSource,
  RepositoryHistory,
} from '@baton/plugin-sre-node';

/** Where the demo catalog says its repositories live; none of them exists. */
export const DEMO_REPOSITORY_PREFIX = 'https://github.com/hanamori-market/';

const person = (login: string, name: string): GitIdentity => ({
  name,
  email: `${login}@hanamori.example`,
});
const aiko = person('aiko.tanaka', 'Aiko Tanaka');
const ben = person('ben.okafor', 'Ben Okafor');
const chihiro = person('chihiro.mori', 'Chihiro Mori');
const gen = person('gen.ito', 'Gen Ito');
const daniel = person('daniel.weiss', 'Daniel Weiss');
const emi = person('emi.sato', 'Emi Sato');
const farid = person('farid.haddad', 'Farid Haddad');

/** A part of a repository: files one person created (maybe pairing), then edits by others. */
interface Area {
  files: number;
  creator: GitIdentity;
  pair?: GitIdentity;
  /** Each editor changes every file of the area this many times. */
  edits?: Array<[GitIdentity, number]>;
  /**
   * When the work happened, in days before now: [first, last]. A holder
   * whose last commit is older than the readiness window (180 days) is a
   * former one: shown, not counted.
   */
  daysAgo: [number, number];
}

/**
 * The story of each demo service, written so that the cards tell it: the
 * storefront is shared by four people who pair, catalog-search is one
 * person's, payments-adapter has one recent committer (Daniel, who wrote
 * part of it long ago, is a former holder), and Farid is the second pair of
 * hands on several fulfilment services.
 */
const DEMO_HISTORIES: Record<string, Area[]> = {
  storefront: [
    { files: 24, creator: aiko, pair: ben, daysAgo: [380, 20] },
    { files: 18, creator: chihiro, pair: gen, daysAgo: [300, 10] },
    { files: 14, creator: ben, edits: [[gen, 2]], daysAgo: [200, 5] },
    { files: 10, creator: aiko, edits: [[chihiro, 2]], daysAgo: [150, 12] },
  ],
  'checkout-api': [
    { files: 20, creator: aiko, pair: chihiro, daysAgo: [360, 15] },
    { files: 16, creator: gen, edits: [[chihiro, 2]], daysAgo: [120, 8] },
  ],
  'catalog-search': [
    { files: 2, creator: gen, daysAgo: [390, 380] },
    { files: 36, creator: ben, edits: [[ben, 3]], daysAgo: [400, 3] },
  ],
  'admin-console': [
    { files: 20, creator: aiko, edits: [[gen, 2]], daysAgo: [120, 30] },
    { files: 10, creator: gen, daysAgo: [200, 40] },
  ],
  'media-streaming': [
    { files: 20, creator: emi, pair: farid, daysAgo: [300, 12] },
    { files: 10, creator: farid, edits: [[emi, 1]], daysAgo: [150, 6] },
  ],
  'order-batch': [
    { files: 18, creator: daniel, edits: [[emi, 2]], daysAgo: [120, 20] },
    { files: 8, creator: emi, daysAgo: [120, 9] },
  ],
  'payments-adapter': [
    { files: 6, creator: daniel, daysAgo: [500, 300] },
    { files: 26, creator: farid, edits: [[farid, 4]], daysAgo: [280, 2] },
  ],
  'inventory-sync': [
    { files: 14, creator: daniel, pair: farid, daysAgo: [260, 14] },
    { files: 12, creator: farid, edits: [[daniel, 1]], daysAgo: [180, 4] },
  ],
};

/**
 * Runbooks kept in the service's own repository, each change `[who, pair,
 * days before now]`: the storefront's was reworked with a pair last month
 * (fresh); payments-adapter's was written by Daniel long ago and not touched
 * since (stale, and he has moved on). Other services link runbooks elsewhere.
 */
const DEMO_RUNBOOKS: Record<
  string,
  { path: string; changes: Array<[GitIdentity, GitIdentity | null, number]> }
> = {
  storefront: {
    path: 'docs/runbook.md',
    changes: [
      [aiko, null, 320],
      [ben, aiko, 140],
      [chihiro, gen, 25],
    ],
  },
  'payments-adapter': {
    path: 'RUNBOOK.md',
    changes: [
      [daniel, null, 420],
      [daniel, null, 330],
    ],
  },
};

const DAY = 86_400_000;

/** The commits of one demo repository, oldest first, with dates relative to `now`. */
export function demoHistory(
  name: string,
  now: Date,
): { files: string[]; commits: HistoryCommit[] } {
  const areas = DEMO_HISTORIES[name] ?? [];
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const files: string[] = [];
  const commits: HistoryCommit[] = [];
  areas.forEach((area, areaIndex) => {
    const paths = Array.from(
      { length: area.files },
      (_, i) => `src/${areaIndex}/module${i}.ts`,
    );
    files.push(...paths);
    const rounds = 1 + Math.max(0, ...(area.edits ?? []).map(([, n]) => n));
    const [first, last] = area.daysAgo;
    const daysBefore = (days: number) => new Date(today - days * DAY);
    // Each round of edits spread evenly from the first day to the last.
    const at = (round: number) =>
      daysBefore(first - ((first - last) * round) / Math.max(1, rounds - 1));
    // Without edits the files are written over the whole period, so that the
    // creators' last commit is on the last day; with edits, all on the first.
    const createdAt = (i: number) =>
      rounds === 1 && paths.length > 1
        ? daysBefore(first - ((first - last) * i) / (paths.length - 1))
        : new Date(at(0).getTime() + i * 60_000);
    paths.forEach((path, i) => {
      commits.push({
        id: `${name}-${areaIndex}-${i}-create`,
        author: area.creator,
        coAuthors: area.pair ? [area.pair] : [],
        timestamp: createdAt(i),
        changes: [{ status: 'A', path }],
      });
    });
    for (let round = 1; round < rounds; round++) {
      for (const [editor, times] of area.edits ?? []) {
        if (round > times) continue;
        commits.push({
          id: `${name}-${areaIndex}-${round}-${editor.email}`,
          author: editor,
          coAuthors: [],
          timestamp: at(round),
          changes: paths.map(path => ({ status: 'M' as const, path })),
        });
      }
    }
  });
  const runbook = DEMO_RUNBOOKS[name];
  if (runbook) {
    files.push(runbook.path);
    runbook.changes.forEach(([author, pair, days], index) => {
      commits.push({
        id: `${name}-runbook-${index}`,
        author,
        coAuthors: pair ? [pair] : [],
        timestamp: new Date(today - days * DAY),
        changes: [{ status: index === 0 ? 'A' : 'M', path: runbook.path }],
      });
    });
  }
  commits.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  return { files, commits };
}

/** Serves the demo catalog's fictional repositories from scripted histories. */
export class DemoKnowledgeSource implements KnowledgeSource {
  constructor(private readonly now: () => Date = () => new Date()) {}

  supports(location: string): boolean {
    return (
      location.startsWith(DEMO_REPOSITORY_PREFIX) &&
      this.#name(location) in DEMO_HISTORIES
    );
  }

  async readHistory(options: { location: string }): Promise<RepositoryHistory> {
    const name = this.#name(options.location);
    const { files, commits } = demoHistory(name, this.now());
    return {
      revision: `demo-${name}`,
      files,
      commits: (async function* stream() {
        yield* commits;
      })(),
    };
  }

  #name(location: string): string {
    return location
      .slice(DEMO_REPOSITORY_PREFIX.length)
      .replace(/\.git$/, '')
      .replace(/\/+$/, '');
  }
}
