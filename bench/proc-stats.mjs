import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** VmHWM (peak resident set) and VmRSS of a process, in MB, from /proc (Linux only). */
export function memoryOf(pid = 'self') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

let ticksPerSecond = null;

/**
 * CPU time (user + system, all threads: GC helpers and zlib's pool included) a process used so
 * far, in seconds. Less sensitive than wall time to other processes sharing the machine.
 */
export function cpuSecondsOf(pid = 'self') {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5) (utime, stime), counted after the command name's closing parenthesis.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
