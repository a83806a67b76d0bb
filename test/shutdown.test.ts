/**
 * Graceful shutdown of the real process, started as a user starts it (`npm start`, in its own
 * process group): a request in flight when SIGTERM arrives gets its full answer, new connections are
 * refused, and no process of the group is left afterwards (tsx's wrapper used to leave node running).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

const TONAI_LIST = 'GET /api/v2/openapi/ad/campaign/list';

/** Pids of the process group's live members (empty when all are gone). */
function groupMembers(pgid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return []; // ps exits non-zero when nothing matches
  }
}

const started: ChildProcess[] = [];
afterEach(() => {
  // A failed test must not leave its process group behind.
  for (const child of started.splice(0)) {
    if (child.pid && groupMembers(child.pid).length > 0) process.kill(-child.pid, 'SIGKILL');
  }
});

async function startNpm(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; tonaiUrl: string; log: () => string; exited: Promise<number | null> }> {
  const child = spawn('npm', ['start'], {
    cwd: process.cwd(),
    env: { ...process.env, ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ port: string; tonaiUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`adgraph did not start:\n${output}`)), 60_000);
    const check = () => {
      const port = /listening: GraphiQL at http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      // The sandbox line names the simulators (a JSON log line: "tonaiSimulator":"http://…").
      const tonaiUrl = /"tonaiSimulator":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (port && tonaiUrl) {
        clearTimeout(timer);
        resolve({ port, tonaiUrl });
      }
    };
    child.stderr!.on('data', check);
    child.stdout!.on('data', check);
    child.once('exit', () => reject(new Error(`adgraph exited early:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${ready.port}/graphql`, tonaiUrl: ready.tonaiUrl, log: () => output, exited };
}

describe('SIGTERM', () => {
  it('a request in flight gets its full answer; then the process exits and leaves nothing behind', async () => {
    const app = await startNpm({});
    const pgid = app.child.pid!;
    const members = groupMembers(pgid);
    expect(members.length).toBeGreaterThan(0);

    // TON.ai answers its list after 1.5 s: the request is in flight when the signal arrives.
    await request(`${app.tonaiUrl}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ endpoint: TONAI_LIST, latencyMs: 1_500 }) }).then((r) => r.body.dump());
    const answer = request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ads: advertisements(first: 2, connectionId: "demo") { edges { node { title } } } tonai: campaigns(provider: TONAI, first: 2) { edges { node { name } } } }' }),
    }).then(async (r) => ({ status: r.statusCode, body: (await r.body.json()) as { data: { ads: { edges: unknown[] }; tonai: { edges: unknown[] } }; errors?: unknown[] } }));
    // Wait until the simulator holds the request.
    for (;;) {
      const counts = (await (await request(`${app.tonaiUrl}/__sandbox/counts`)).body.json()) as { endpoints: Record<string, number> };
      if ((counts.endpoints[TONAI_LIST] ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(pgid, 'SIGTERM');

    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data.ads.edges.length).toBeGreaterThan(0);
    expect(body.data.tonai.edges.length).toBeGreaterThan(0);

    expect(await app.exited).toBe(0);
    // Give the kernel a moment to reap; then nothing of the group may remain.
    for (let i = 0; i < 50 && groupMembers(pgid).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(groupMembers(pgid)).toEqual([]);
    expect(app.log()).toMatch(/"msg":"stopping: finishing requests in flight"[^\n]*"signal":"SIGTERM"|"signal":"SIGTERM"[^\n]*"msg":"stopping: finishing requests in flight"/);
  });

  it('a request still running when the grace period ends is cut off, and the process still exits', async () => {
    const app = await startNpm({ ADGRAPH_SHUTDOWN_GRACE_MS: '200', ADGRAPH_UPSTREAM_DEADLINE_MS: '60000', ADGRAPH_REQUEST_DEADLINE_MS: '60000' });
    const pgid = app.child.pid!;
    await request(`${app.tonaiUrl}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ endpoint: TONAI_LIST, timeout: true }) }).then((r) => r.body.dump());
    const answer = request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ campaigns(provider: TONAI, first: 2) { edges { node { name } } } }' }),
    }).then(
      () => 'answered',
      () => 'cut off',
    );
    for (;;) {
      const counts = (await (await request(`${app.tonaiUrl}/__sandbox/counts`)).body.json()) as { endpoints: Record<string, number> };
      if ((counts.endpoints[TONAI_LIST] ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(pgid, 'SIGTERM');
    expect(await answer).toBe('cut off');
    expect(await app.exited).toBe(0);
    for (let i = 0; i < 50 && groupMembers(pgid).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(groupMembers(pgid)).toEqual([]);
  });
});
