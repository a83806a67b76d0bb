/**
 * A client for incremental answers (@defer, @stream) as benchmarks read them: multipart/mixed, the
 * parts taken apart by their boundary only, the time to the first part (the rows) noted as its
 * bytes arrive, the payloads parsed at the end (so parsing does not delay the reading).
 *
 * It reads in a worker thread, off the benchmark's event loop, because adgraph runs in the
 * benchmark's process: right after writing the first part adgraph sends the deferred parts'
 * upstream calls, and a client on the same loop would only see the first part's bytes once that
 * work yields, timing adgraph's later work as if the first part had waited for it. A client in
 * another process (every real one) sees the bytes when they are written.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface IncrementalPayload {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  incremental?: { errors?: { message: string; extensions?: { code?: string } }[] }[];
  hasNext?: boolean;
}

export interface IncrementalAnswer {
  bytes: Buffer;
  contentType: string;
  /** From sending to the last byte. */
  ms: number;
  /** From sending to the end of the first part (equal to `ms` when the answer is not in parts). */
  firstMs: number;
  /** Every payload, in order (one when the answer is not in parts). */
  payloads: IncrementalPayload[];
}

/** What the worker sends back: times on the shared clock (`performance.timeOrigin + now()`). */
interface Reading {
  id: number;
  sentAt: number;
  firstAt: number | null;
  endAt: number;
  contentType: string;
  bytes: Uint8Array;
  error?: string;
}

// Plain JavaScript, so the worker needs no TypeScript loader.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { request } = require(${JSON.stringify(import.meta.resolve('undici').replace(/^file:\/\//, ''))});
const now = () => performance.timeOrigin + performance.now();
parentPort.on('message', async ({ id, url, body }) => {
  const sentAt = now();
  try {
    const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'multipart/mixed' }, body });
    const chunks = [];
    let firstAt = null;
    let seen = '';
    for await (const chunk of res.body) {
      chunks.push(chunk);
      if (firstAt === null) {
        // The first part is complete when the second boundary has arrived.
        seen += chunk.toString('latin1');
        if ((seen.match(/\\r\\n---/g) || []).length >= 2) firstAt = now();
      }
    }
    const endAt = now();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    parentPort.postMessage({ id, sentAt, firstAt, endAt, contentType: String(res.headers['content-type'] || ''), bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, sentAt, firstAt: null, endAt: now(), contentType: '', bytes: new Uint8Array(0), error: String(error && error.stack || error) });
  }
});
`;

export class IncrementalClient {
  private readonly worker = new Worker(WORKER, { eval: true });
  private next = 0;
  private readonly waiting = new Map<number, (reading: Reading) => void>();

  constructor() {
    this.worker.on('message', (reading: Reading) => {
      this.waiting.get(reading.id)?.(reading);
      this.waiting.delete(reading.id);
    });
  }

  /** Posts the query and reads the answer in the worker; times are from the worker's sending. */
  async query(url: string, query: string): Promise<IncrementalAnswer & { sentAt: number }> {
    const id = this.next++;
    const reading = await new Promise<Reading>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, url, body: JSON.stringify({ query }) });
    });
    if (reading.error) throw new Error(`incremental client: ${reading.error}`);
    const bytes = Buffer.from(reading.bytes.buffer, reading.bytes.byteOffset, reading.bytes.byteLength);
    const payloads = reading.contentType.startsWith('multipart/mixed')
      ? bytes
          .toString('utf8')
          .split(/\r\n---/)
          .map((p) => p.slice(p.indexOf('\r\n\r\n') + 4).trim())
          .filter((p) => p.startsWith('{'))
          .map((p) => JSON.parse(p) as IncrementalPayload)
      : [JSON.parse(bytes.toString('utf8')) as IncrementalPayload];
    const ms = reading.endAt - reading.sentAt;
    return {
      bytes,
      contentType: reading.contentType,
      // On this thread's clock, for timelines that start here.
      sentAt: reading.sentAt - performance.timeOrigin,
      ms,
      firstMs: reading.firstAt === null ? ms : reading.firstAt - reading.sentAt,
      payloads,
    };
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Every error of an incremental answer: each payload's own and those of its incremental parts. */
export function incrementalErrors(answer: IncrementalAnswer): NonNullable<IncrementalPayload['errors']> {
  return answer.payloads.flatMap((p) => [...(p.errors ?? []), ...(p.incremental ?? []).flatMap((i) => i.errors ?? [])]);
}
