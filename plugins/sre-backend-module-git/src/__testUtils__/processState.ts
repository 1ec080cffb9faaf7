import fs from 'fs';

/** Whether a process still runs (a zombie waiting for its parent to reap it does not). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Whether `condition` holds within about five seconds, polled: an orphaned
 * process is reparented and reaped asynchronously, a file appears when a
 * child gets to write it.
 */
export async function eventually(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !condition(); i += 1) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return condition();
}
