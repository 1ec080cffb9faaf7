import { spawn } from 'child_process';
import os from 'os';
import { CommandError } from '../backend/backendClient';

/** A command that could not start: nothing ran, so baton exits 127 as shells do. */
export class CommandNotStartedError extends CommandError {}

/** How a command after `--` ran. */
export type TimedRun = {
  startedAt: string;
  finishedAt: string;
  /** Wall-clock duration, in seconds (millisecond precision). */
  seconds: number;
  /** Its exit code; 128 + the signal's number when a signal ended it, as shells report it. */
  exitCode: number;
};

/**
 * Runs a command with this process's stdin, stdout and stderr, so the operator
 * sees and answers it (terraform's output and prompts), and times it.
 * Throws a CommandNotStartedError when it cannot start (nothing ran).
 */
export function runTimedCommand(command: string[]): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = new Date();
    const startedMs = performance.now();
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });

    // Ctrl-C reaches the whole foreground process group: the command handles it
    // (terraform stops gracefully), and baton stays to record how it ended.
    const ignore = () => {};
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGQUIT', ignore);
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    const cleanUp = () => {
      process.off('SIGINT', ignore);
      process.off('SIGQUIT', ignore);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
    };

    child.on('error', error => {
      cleanUp();
      const code = (error as NodeJS.ErrnoException).code;
      reject(
        new CommandNotStartedError(
          `cannot run ${command[0]}: ${
            code === 'ENOENT' ? 'command not found' : error.message
          }; nothing recorded`,
        ),
      );
    });
    child.on('exit', (code, signal) => {
      cleanUp();
      const seconds = Math.round(performance.now() - startedMs) / 1000;
      resolve({
        startedAt: started.toISOString(),
        finishedAt: new Date(started.getTime() + seconds * 1000).toISOString(),
        seconds,
        exitCode:
          code ?? 128 + (signal ? os.constants.signals[signal] ?? 0 : 0),
      });
    });
  });
}
