import {
  degreeOfAuthorship,
  TruckFactorCalculator,
} from './degreeOfAuthorship';
import type { HistoryChange, HistoryCommit } from './history';

const alice = { name: 'Alice', email: 'alice@shop.example' };
const bob = { name: 'Bob', email: 'bob@shop.example' };
const carol = { name: 'Carol', email: 'carol@shop.example' };
const bot = {
  name: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com',
};

let clock = Date.parse('2026-01-01T00:00:00Z');
function commit(
  author: { name: string; email: string },
  changes: Array<[HistoryChange['status'], string, string?]>,
  coAuthors: Array<{ name: string; email: string }> = [],
): HistoryCommit {
  clock += 60_000;
  return {
    id: String(clock),
    author,
    coAuthors,
    timestamp: new Date(clock),
    changes: changes.map(([status, path, previousPath]) =>
      previousPath
        ? { status, path: previousPath, previousPath: path }
        : { status, path },
    ),
  };
}

function run(commits: HistoryCommit[], files: string[], pairing = true) {
  const calculator = new TruckFactorCalculator({ pairing });
  commits.forEach(c => calculator.addCommit(c));
  return calculator.compute(files);
}

const names = (holders: Array<{ name: string }>) => holders.map(h => h.name);

describe('degreeOfAuthorship', () => {
  it('follows the published model', () => {
    // 3.293 + 1.098 − 0.321·ln 3, computed by hand: 4.03835
    expect(degreeOfAuthorship(1, 0, 2)).toBeCloseTo(4.03835, 4);
    // 3.293 + 0.164·2
    expect(degreeOfAuthorship(0, 2, 0)).toBeCloseTo(3.621, 6);
    expect(degreeOfAuthorship(0, 0, 0)).toBe(3.293);
  });
});

describe('TruckFactorCalculator', () => {
  it('counts creation apart from later changes (TF 2, worked by hand)', () => {
    // f1: alice 4.1685 (FA, AC=1), bob 3.457 (DL=1): ratio 0.83 → both author it.
    // alice authors f1 f2 f3, bob f1 f4. Remove alice: f1, f4 left = 50% → remove bob → 0%.
    const result = run(
      [
        commit(alice, [
          ['A', 'f1'],
          ['A', 'f2'],
          ['A', 'f3'],
        ]),
        commit(bob, [['A', 'f4']]),
        commit(bob, [['M', 'f1']]),
      ],
      ['f1', 'f2', 'f3', 'f4'],
    );
    expect(result.truckFactor).toBe(2);
    expect(names(result.truckFactorAuthors)).toEqual(['Alice', 'Bob']);
    expect(result.people.map(p => [p.name, p.files, p.share])).toEqual([
      ['Alice', 3, 0.75],
      ['Bob', 2, 0.5],
    ]);
    // f1 by both, f2 f3 by alice (index 0), f4 by bob (index 1).
    expect(result.authorSets).toEqual(
      expect.arrayContaining([
        { people: [0, 1], files: 1 },
        { people: [0], files: 2 },
        { people: [1], files: 1 },
      ]),
    );
    expect(result.authorSets).toHaveLength(3);
  });

  it('does not make an occasional changer an author', () => {
    // alice: FA, DL=10, AC=1 → 5.8085; bob: DL=1, AC=10 → 2.687; ratio 0.46.
    const commits = [commit(alice, [['A', 'f']])];
    for (let i = 0; i < 10; i++) commits.push(commit(alice, [['M', 'f']]));
    commits.push(commit(bob, [['M', 'f']]));
    const result = run(commits, ['f']);
    expect(result.people.find(p => p.name === 'Bob')?.files).toBe(0);
    expect(result.truckFactor).toBe(1);
  });

  it('requires DOA ≥ 3.293 of a non-creator even above 75% of the best', () => {
    // Created by a bot. carol DL=2, AC=1 → 3.3985; bob DL=1, AC=2 → 3.1043 (ratio 0.91).
    const result = run(
      [
        commit(bot, [['A', 'f']]),
        commit(carol, [['M', 'f']]),
        commit(bob, [['M', 'f']]),
        commit(carol, [['M', 'f']]),
      ],
      ['f'],
    );
    expect(result.people.map(p => [p.name, p.files])).toEqual([
      ['Carol', 1],
      ['Bob', 0],
    ]);
  });

  it('breaks ties by name and stops below 50% coverage', () => {
    const zed = { name: 'Zed', email: 'zed@shop.example' };
    const amy = { name: 'Amy', email: 'amy@shop.example' };
    // f3 has no human author: coverage starts at 2/3.
    const result = run(
      [
        commit(zed, [['A', 'f2']]),
        commit(amy, [['A', 'f1']]),
        commit(bot, [['A', 'f3']]),
      ],
      ['f1', 'f2', 'f3'],
    );
    expect(result.truckFactor).toBe(1);
    expect(names(result.truckFactorAuthors)).toEqual(['Amy']);
    expect(result.filesWithoutAuthor).toBe(1);
  });

  it('follows renames back to the file’s creator', () => {
    const result = run(
      [
        commit(alice, [['A', 'old.ts']]),
        commit(bob, [['R', 'old.ts', 'new.ts']]),
      ],
      ['new.ts'],
    );
    // alice keeps FA on new.ts (4.1685); bob's rename is one change (3.457).
    expect(result.people.map(p => [p.name, p.files])).toEqual([
      ['Alice', 1],
      ['Bob', 1],
    ]);
    const withoutRename = run(
      [
        commit(alice, [['A', 'old.ts']]),
        commit(bob, [
          ['D', 'old.ts'],
          ['A', 'new.ts'],
        ]),
      ],
      ['new.ts'],
    );
    expect(withoutRename.people.map(p => [p.name, p.files])).toEqual([
      ['Bob', 1],
      ['Alice', 0],
    ]);
  });

  it('counts only files at the revision, and forgets deleted ones', () => {
    const result = run(
      [
        commit(alice, [
          ['A', 'a'],
          ['A', 'b'],
        ]),
        commit(bob, [['A', 'c']]),
        commit(alice, [['D', 'b']]),
      ],
      ['a', 'c'],
    );
    expect(result.fileCount).toBe(2);
    expect(result.people.map(p => [p.name, p.files])).toEqual([
      ['Alice', 1],
      ['Bob', 1],
    ]);
  });

  it('merges identities by e-mail and by name, case-insensitively', () => {
    const result = run(
      [
        commit({ name: 'Alice', email: 'alice@shop.example' }, [['A', 'f1']]),
        commit({ name: 'A. Smith', email: 'ALICE@shop.example' }, [
          ['A', 'f2'],
        ]),
        commit({ name: 'alice', email: 'alice@home.example' }, [['A', 'f3']]),
        commit(bob, [['A', 'f4']]),
      ],
      ['f1', 'f2', 'f3', 'f4'],
    );
    expect(result.people).toHaveLength(2);
    expect(result.people[0]).toMatchObject({
      files: 3,
      commits: 3,
      emails: ['alice@home.example', 'alice@shop.example'],
    });
  });

  it('counts co-authors as changes in pairing mode only', () => {
    const history = () => [
      commit(alice, [['A', 'f1']], [bob]),
      commit(carol, [['A', 'f2']]),
    ];
    const pairing = run(history(), ['f1', 'f2']);
    // bob DL=1 (3.457) next to alice FA, AC=1 (4.1685): both author f1.
    expect(pairing.people.map(p => [p.name, p.files])).toEqual([
      ['Alice', 1],
      ['Bob', 1],
      ['Carol', 1],
    ]);
    expect(pairing.mode).toBe('pairing');
    const classic = run(history(), ['f1', 'f2'], false);
    expect(classic.people.map(p => p.name)).toEqual(['Alice', 'Carol']);
    expect(classic.mode).toBe('classic');
  });

  it('leaves bots out', () => {
    const commits = [commit(alice, [['A', 'package.json']])];
    for (let i = 0; i < 20; i++)
      commits.push(commit(bot, [['M', 'package.json']]));
    const result = run(commits, ['package.json']);
    expect(result.people.map(p => p.name)).toEqual(['Alice']);
    expect(result.truckFactor).toBe(1);
  });

  it('answers 0 for a repository without files', () => {
    const result = run([commit(alice, [['A', 'README.md']])], []);
    expect(result).toMatchObject({ truckFactor: 0, fileCount: 0 });
  });

  it('records each person’s last commit', () => {
    const first = commit(alice, [['A', 'f']]);
    const last = commit(alice, [['M', 'f']]);
    const result = run([first, last], ['f']);
    expect(result.people[0].lastCommitAt).toBe(last.timestamp.toISOString());
  });
});

describe('TruckFactorCalculator following a file', () => {
  it('reports its last change by a person, that change’s people and everyone who changed it through renames', () => {
    const calculator = new TruckFactorCalculator();
    const history = [
      commit(alice, [['A', 'docs/ops.md']]),
      commit(alice, [['M', 'docs/ops.md']]),
      commit(bob, [['R', 'docs/ops.md', 'docs/runbook.md']]),
      commit(carol, [['M', 'src/a.ts']]),
      commit(bob, [['M', 'docs/runbook.md']], [carol]),
      // A bot's change is nobody's review of the runbook.
      commit(bot, [['M', 'docs/runbook.md']]),
    ];
    history.forEach(c => calculator.addCommit(c));
    const result = calculator.compute(['docs/runbook.md', 'src/a.ts'], {
      follow: ['docs/runbook.md', 'docs/ops.md', 'nowhere.md'],
    });
    expect(result.followed).toHaveLength(1);
    const [followed] = result.followed!;
    const who = (indexes: number[]) => indexes.map(i => result.people[i].name);
    expect(followed.path).toBe('docs/runbook.md');
    expect(followed.lastChangedAt).toBe(history[4].timestamp.toISOString());
    expect(who(followed.lastChangedBy)).toEqual(['Bob', 'Carol']);
    expect(
      followed.changedBy.map(c => [result.people[c.person].name, c.changes]),
    ).toEqual([
      ['Alice', 2],
      ['Bob', 2],
      ['Carol', 1],
    ]);
  });

  it('reports nothing unless asked, and no change for a file only bots touched', () => {
    const calculator = new TruckFactorCalculator();
    calculator.addCommit(commit(bot, [['A', 'RUNBOOK.md']]));
    expect(calculator.compute(['RUNBOOK.md']).followed).toBeUndefined();
    expect(
      calculator.compute(['RUNBOOK.md'], { follow: ['RUNBOOK.md'] }).followed,
    ).toEqual([
      {
        path: 'RUNBOOK.md',
        lastChangedAt: null,
        lastChangedBy: [],
        changedBy: [],
      },
    ]);
  });
});
