/**
 * A multipart request without a CSRF header is refused with 403 before its body is read, and the
 * client gets that answer: even a client that writes its whole body before it reads (as most simple
 * clients do), even a large body, even one that asks first with Expect: 100-continue.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

interface RawAnswer {
  /** The HTTP answer as read, or undefined when the connection failed before one arrived. */
  text: string | undefined;
  error: string | undefined;
}

/**
 * A client that writes the request head and the whole body, and only then reads the answer.
 * `expectContinue` sends the head alone first and waits for the server's first answer.
 */
function rawUpload(url: string, body: Buffer, options: { expectContinue?: boolean } = {}): Promise<RawAnswer> {
  const { hostname, port, pathname } = new URL(url);
  const boundary = 'adgraph-test-boundary';
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    `content-type: multipart/form-data; boundary=${boundary}`,
    `content-length: ${body.length}`,
    ...(options.expectContinue ? ['expect: 100-continue'] : []),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const finish = () => resolve({ text: chunks.length ? Buffer.concat(chunks).toString('latin1') : undefined, error });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', finish);
    const read = () => socket.on('data', (c: Buffer) => chunks.push(c));
    socket.once('connect', () => {
      if (options.expectContinue) {
        socket.write(head);
        read();
        return;
      }
      socket.pause();
      socket.write(Buffer.concat([Buffer.from(head), body]), (e) => {
        if (e) return;
        read();
        socket.resume();
      });
    });
  });
}

const fileOf = (bytes: number) => Buffer.alloc(bytes, 0x41);

describe('a multipart request without a CSRF header', () => {
  it.each([
    ['a small form', 2_000],
    ['an 8 MB file, more than the socket buffers hold', 8 * 1024 * 1024],
  ])('gets its 403 when it writes %s before reading, and nothing reaches a provider', async (_label, bytes) => {
    h.resetCounts();
    for (let i = 0; i < 3; i++) {
      const answer = await rawUpload(h.url, fileOf(bytes));
      expect(answer.error === undefined || answer.text !== undefined, `connection failed before the answer: ${answer.error}`).toBe(true);
      expect(answer.text).toMatch(/^HTTP\/1\.1 403 /);
      expect(answer.text).toContain('CSRF_HEADER_REQUIRED');
    }
    expect(h.adstatCount()).toBe(0);
  });

  it('is refused without 100 Continue when it asks first, so its body is never sent', async () => {
    const answer = await rawUpload(h.url, fileOf(1024), { expectContinue: true });
    expect(answer.text).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer.text).not.toContain('100 Continue');
    expect(answer.text).toContain('CSRF_HEADER_REQUIRED');
  });

  it('leaves the server answering the next request', async () => {
    const res = await h.gql('{ environment { mode } }');
    expect(res.data).toEqual({ environment: { mode: 'SANDBOX' } });
  });
});
