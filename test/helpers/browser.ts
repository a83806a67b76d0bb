/**
 * Browser-test helpers: adgraph started the way `npm start` starts it (a child process, sandbox
 * mode, an ephemeral port) and Debian's Chromium driven by playwright-core. Playwright cannot
 * download its own browsers here; .ci/run installs Debian's `chromium` package instead.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless, and quiet on a machine with no network: without the background-networking flags
 * Chromium keeps trying to reach Google's services. Playwright gives every launch a fresh, empty
 * profile directory (its own --user-data-dir) and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get update && apt-get install -y --no-install-recommends chromium; .ci/run does this) or set CHROMIUM_PATH`;

export function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 20_000 });
}

export interface AdgraphProcess {
  port: number;
  /** GraphiQL and the GraphQL endpoint. */
  url: string;
  /** Everything the process wrote so far (its log goes to stderr). */
  output(): string;
  /** SIGTERM (adgraph stops cleanly), SIGKILL if it has not exited after 5 s. */
  stop(): Promise<void>;
}

/**
 * `npm start` runs `[NAME=value …] exec node [--flag …] --import tsx <entry>`; this runs the same
 * entry the same way (with the same variables and node flags), without npm in between, so the test
 * owns the server process.
 */
function startEntry(): { entry: string; env: Record<string, string>; flags: string[] } {
  const pkg = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = pkg.scripts?.start ?? '';
  const match = /^((?:[A-Z_][A-Z0-9_]*=\S+\s+)*)(?:exec\s+)?node\s+((?:--[a-z0-9-]+(?:=\S+)?\s+)*)--import\s+tsx\s+(\S+\.ts)$/.exec(start.trim());
  if (!match) throw new Error(`package.json "start" is "${start}", not "[NAME=value …] exec node [--flag …] --import tsx <entry>.ts": update test/helpers/browser.ts to start adgraph the way npm start does`);
  const env = Object.fromEntries(
    match[1]!
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  return { entry: match[3]!, env, flags: match[2]!.trim().split(/\s+/).filter(Boolean) };
}

/**
 * Starts adgraph as `npm start` would for a new user: no credentials (so sandbox mode), info logs,
 * on 127.0.0.1 and a port the OS picks (PORT=0; the "listening" log line tells which).
 */
export async function startAdgraphProcess(options: { timeoutMs?: number } = {}): Promise<AdgraphProcess> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(ADSTAT_|TONAI_|ADGRAPH_)/.test(key)) env[key] = value;
  }
  const start = startEntry();
  Object.assign(env, start.env, { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });

  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [...start.flags, '--import', 'tsx', start.entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const running = () => child.exitCode === null && child.signalCode === null;

  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (running()) child.kill('SIGKILL');
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.timeoutMs ?? 20_000;
  try {
    const port = await new Promise<number>((resolvePort, reject) => {
      const check = () => {
        const match = /adgraph listening: GraphiQL at http:\/\/localhost:(\d+)\/graphql/.exec(output);
        if (match) {
          cleanup();
          resolvePort(Number(match[1]));
        }
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`adgraph exited before listening (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`adgraph did not log "listening" within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        child.off('exit', onExit);
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      child.once('exit', onExit);
      check();
    });
    return { port, url: `http://127.0.0.1:${port}/graphql`, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
