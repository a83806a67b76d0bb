/**
 * What the throughput benchmarks share: a closed loop of clients against one URL, the CPU a server
 * process has used (so a figure can be given per request as well as per second), a free port and
 * numeric options.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';

/** `--name=N` from the arguments, a positive number, or `fallback`. */
export function numberArg(argv: string[], name: string, fallback: number): number {
  const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** A loopback port free a moment ago (for a child process to listen on). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU ms a process has used (user + system, from /proc; Linux only, else undefined). Beside
 * throughput because on a shared machine another job's load lowers a server's throughput unevenly
 * between rounds, while the CPU one request costs it moves much less.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  const path = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(path)) return undefined;
  // Fields after the command name (in parentheses, and it may hold spaces): utime is the 12th, stime the 13th.
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

export interface LoopFigures {
  perSecond: number;
  /** Server CPU per request in ms, when a pid was given and /proc tells. */
  cpuPerRequest: number | undefined;
}

/**
 * `concurrency` clients each sending `send(agent)` again as soon as it answers, for `seconds`;
 * `pid` is the server's, for its CPU per request.
 */
export async function closedLoop(send: (agent: Agent) => Promise<void>, seconds: number, concurrency: number, pid?: number): Promise<LoopFigures> {
  const cpuBefore = processCpuMs(pid);
  const agent = new Agent({ connections: concurrency });
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await send(agent);
        done += 1;
      }
    }),
  );
  await agent.close();
  const cpuAfter = processCpuMs(pid);
  return { perSecond: done / seconds, cpuPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && done > 0 ? (cpuAfter - cpuBefore) / done : undefined };
}
