import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/** A repository built commit by commit with the git CLI, in a temporary folder. */
export class TestRepo {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-git-'));
  // A month ago, whole seconds: recent enough that readiness counts every
  // author as a current knowledge holder (knowledgeHolderDays is 180).
  #time = Math.floor(Date.now() / 1000) - 30 * 86400;

  constructor() {
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
  }

  write(file: string, content: string) {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), content);
  }

  commit(
    who: readonly [string, string],
    files: Record<string, string | null>,
    options: {
      message?: string;
      renames?: Record<string, string>;
      /** When the commit is made; later commits follow it an hour apart. */
      daysAgo?: number;
    } = {},
  ) {
    for (const [from, to] of Object.entries(options.renames ?? {})) {
      fs.mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
      this.git('mv', from, to);
    }
    for (const [file, content] of Object.entries(files)) {
      if (content === null) this.git('rm', '-q', file);
      else {
        this.write(file, content);
        this.git('add', file);
      }
    }
    this.#time =
      options.daysAgo === undefined
        ? this.#time + 3600
        : Math.floor(Date.now() / 1000) - options.daysAgo * 86400;
    execFileSync('git', ['commit', '-q', '-m', options.message ?? 'change'], {
      cwd: this.dir,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: who[0],
        GIT_AUTHOR_EMAIL: who[1],
        GIT_COMMITTER_NAME: who[0],
        GIT_COMMITTER_EMAIL: who[1],
        GIT_AUTHOR_DATE: `@${this.#time} +0000`,
        GIT_COMMITTER_DATE: `@${this.#time} +0000`,
      },
    });
  }

  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
