import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { eventually } from './processState';

/**
 * A `git` first on PATH that runs the real one, except that `git log` in the
 * given repository, while armed, first starts a helper that sleeps and waits
 * for it (as clone waits for git-remote-https), recording both pids.
 */
export class SlowGitLog {
  readonly #dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-slow-git-'));
  readonly #armed = path.join(this.#dir, 'armed');
  readonly #pids = path.join(this.#dir, 'pids');
  readonly #savedPath = process.env.PATH;

  constructor(repository: string) {
    const realGit = execFileSync('sh', ['-c', 'command -v git'], {
      encoding: 'utf8',
    }).trim();
    const bin = path.join(this.#dir, 'bin');
    fs.mkdirSync(bin);
    fs.mkdirSync(this.#pids);
    fs.writeFileSync(
      path.join(bin, 'git'),
      [
        '#!/bin/sh',
        'here=no; log=no',
        'for arg in "$@"; do',
        `  [ "$arg" = '${repository}' ] && here=yes`,
        '  [ "$arg" = log ] && log=yes',
        'done',
        `if [ $here = yes ] && [ $log = yes ] && [ -e '${this.#armed}' ]; then`,
        `  echo $$ > '${this.#pids}/git'`,
        '  sleep 60 &',
        `  echo $! > '${this.#pids}/helper'`,
        '  wait',
        'fi',
        `exec '${realGit}' "$@"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    process.env.PATH = `${bin}:${this.#savedPath}`;
  }

  /** From now on `git log` in the repository waits. */
  arm() {
    fs.writeFileSync(this.#armed, '');
  }

  /** `git log` runs at once again; the pids of the last slow one are forgotten. */
  disarm() {
    fs.rmSync(this.#armed, { force: true });
    for (const file of fs.readdirSync(this.#pids)) {
      fs.rmSync(path.join(this.#pids, file));
    }
  }

  /** The pids of the waiting git and its helper, once it has started them; throws if it never does. */
  async started(): Promise<{ git: number; helper: number }> {
    const helper = path.join(this.#pids, 'helper');
    if (!(await eventually(() => fs.existsSync(helper)))) {
      throw new Error('The slow git log never started');
    }
    return {
      git: Number(fs.readFileSync(path.join(this.#pids, 'git'), 'utf8')),
      helper: Number(fs.readFileSync(helper, 'utf8')),
    };
  }

  /** Puts PATH back and removes the stand-in. */
  remove() {
    process.env.PATH = this.#savedPath;
    fs.rmSync(this.#dir, { recursive: true, force: true });
  }
}
