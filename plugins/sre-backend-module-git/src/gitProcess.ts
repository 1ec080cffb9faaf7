import { spawn } from 'child_process';
import type { GitProtocol } from './GitSourcePolicy';
import { redactCredentials } from '@baton/plugin-sre-common';

/** How long git has between SIGTERM and SIGKILL once its time is up. */
export const GIT_KILL_GRACE_MS = 5_000;
const STDERR_LIMIT = 16_384;

/** How a git process is run: what it may reach and for how long. @public */
export interface GitProcessOptions {
  /** The transports git may use (GIT_ALLOW_PROTOCOL); none when unset. */
  protocols?: GitProtocol[];
  /** Stops git (its whole process group: SIGTERM, SIGKILL after a grace period) after this long; no limit when unset. */
  timeoutMs?: number;
  /**
   * Stops git the way a timeout does (its whole process group: SIGTERM, then
   * SIGKILL after the grace period) as soon as it aborts; git is not started
   * when it already has.
   */
  signal?: AbortSignal;
  /** Folders git does not look above for a repository (GIT_CEILING_DIRECTORIES). */
  ceilingDirectories?: string[];
}

// Inherited variables that would point git at another repository or print what it sends.
const DROPPED_VARIABLE =
  /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|CEILING_DIRECTORIES|ALLOW_PROTOCOL|CURL_VERBOSE|TRACE\w*)$/;

/** The environment of every git process: no prompts, no askpass helpers, only the given transports. */
export function gitEnvironment(
  options: Pick<GitProcessOptions, 'protocols' | 'ceilingDirectories'> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!DROPPED_VARIABLE.test(name)) env[name] = value;
  }
  return {
    ...env,
    // Overrides every protocol.* setting: anything not listed (ssh, ext, fd, git, …) is refused.
    GIT_ALLOW_PROTOCOL: (options.protocols ?? []).join(':'),
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_TERMINAL_PROMPT: '0',
    // Empty: git skips core.askPass and SSH_ASKPASS and fails instead of asking.
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GCM_INTERACTIVE: 'never',
    ...(options.ceilingDirectories?.length
      ? { GIT_CEILING_DIRECTORIES: options.ceilingDirectories.join(':') }
      : {}),
  };
}

// No hooks and no file-system monitor command, whatever the repository's or the user's config says.
export const SAFE_CONFIG = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
];

/** A git subcommand's name for messages (`git clone …`), never its arguments. */
function commandOf(args: string[]): string {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '-C' || args[i] === '-c') i += 1;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return 'git';
}

/**
 * Runs git with the safe environment and config and yields its standard
 * output as it arrives. Throws (credentials redacted) when git fails or
 * runs out of time.
 */
export async function* streamGit(
  args: string[],
  options: GitProcessOptions = {},
): AsyncGenerator<string> {
  const abort = options.signal;
  if (abort?.aborted) throw abortError(args, abort);
  const child = spawn('git', [...SAFE_CONFIG, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: gitEnvironment(options),
    // Its own process group, so helpers it starts (git-remote-https, index-pack) stop with it.
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group has already exited.
    }
  };
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => resolve(code));
  });
  // Awaited below; this only keeps an early exit of the consumer from leaving it unhandled.
  exited.catch(() => undefined);

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', chunk => {
    stderr = (stderr + chunk).slice(-STDERR_LIMIT);
  });

  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    signalGroup('SIGTERM');
    killTimer = setTimeout(() => signalGroup('SIGKILL'), GIT_KILL_GRACE_MS);
    killTimer.unref();
  };
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stop();
        }, options.timeoutMs);
  let aborted = false;
  const onAbort = () => {
    // A git already being stopped for its time keeps that reason.
    if (timedOut) return;
    aborted = true;
    clearTimeout(timer);
    stop();
  };
  abort?.addEventListener('abort', onAbort, { once: true });

  child.stdout.setEncoding('utf8');
  let finished = false;
  try {
    for await (const chunk of child.stdout) yield chunk as string;
    finished = true;
  } finally {
    abort?.removeEventListener('abort', onAbort);
    // The consumer stopped reading early: git is not left running.
    if (!finished) {
      clearTimeout(timer);
      if (
        killTimer === undefined &&
        child.exitCode === null &&
        child.signalCode === null
      ) {
        stop();
      }
    }
  }
  const code = await exited;
  clearTimeout(timer);
  clearTimeout(killTimer);
  if (aborted) {
    // Whatever of the group outlived git's own exit.
    signalGroup('SIGKILL');
    throw abortError(args, abort!);
  }
  if (timedOut) {
    // Whatever of the group outlived git's own exit.
    signalGroup('SIGKILL');
    throw new Error(
      `git ${commandOf(args)} was stopped after ${formatDuration(
        options.timeoutMs!,
      )} (sre.knowledge.git.timeout)`,
    );
  }
  if (code !== 0) {
    throw new Error(
      redactCredentials(
        `git ${commandOf(args)} failed (${
          code ?? child.signalCode
        }): ${stderr.trim()}`,
      ),
    );
  }
}

/** The error of a git stopped by its signal: the signal's reason when it is an Error. */
function abortError(args: string[], signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  // AbortSignal.abort()'s DOMException, possibly from another realm.
  const message = (reason as { message?: unknown } | undefined)?.message;
  const error = new Error(
    `git ${commandOf(args)} was stopped: ${
      typeof message === 'string' ? message : 'aborted'
    }`,
  );
  error.name = 'AbortError';
  return error;
}

/** Runs git to the end and returns its standard output (see streamGit). */
export async function runGit(
  args: string[],
  options: GitProcessOptions = {},
): Promise<string> {
  let output = '';
  for await (const chunk of streamGit(args, options)) output += chunk;
  return output;
}

function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}
