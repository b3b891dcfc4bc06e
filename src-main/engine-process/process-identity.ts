import { readFileSync } from 'node:fs';

/**
 * What tells one process apart from a later one that got the same pid: on
 * Linux the boot id plus the process's start time (in clock ticks since
 * boot, field 22 of /proc/<pid>/stat). A reboot changes the boot id; a pid
 * reused within one boot has a later start time. Null where /proc is not
 * there (macOS, Windows): the lock then falls back to the pid alone.
 */
export function processIdentity(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = fields[19];
    if (!startTicks || !/^\d+$/.test(startTicks)) return null;
    return `${bootId()}:${startTicks}`;
  } catch {
    return null;
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown-boot';
  }
}
