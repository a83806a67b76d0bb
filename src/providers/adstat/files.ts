/**
 * Uploaded files checked against AdStat's rules while they stream to a temporary file: size and
 * type (media) or size, format and count (audiences). Only a file that passes every rule is ever
 * sent, so a rejected upload leaves nothing half-made upstream; memory stays flat whatever the size.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AUDIENCE, MEDIA_TYPES } from './rules.js';

/** A file that broke a rule: `rule` is a stable code, `message` says what to change. */
export class FileRuleError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileRuleError';
  }
}

export interface SpooledFile {
  path: string;
  filename: string;
  contentType: string;
  bytes: number;
  /** Audience files: how many numbers or hashes it holds. */
  entries: number | null;
  /** SHA-256 of the content (hex): identifies the same file across retries. */
  sha256: string;
  /** Deletes the temporary file. */
  dispose(): Promise<void>;
}

/**
 * Gives up on an upload without destroying it: the multipart parser may still be writing the rest
 * of the file into the stream, and a destroyed stream would raise an unhandled error. The bytes
 * are read and dropped (the request body has to be read to its end anyway).
 */
export function discardUpload(stream: Readable): void {
  stream.on('error', () => undefined);
  stream.resume();
}

interface Checker {
  /** Sees each chunk in order; throws FileRuleError to stop. */
  chunk(data: Buffer, bytesSoFar: number): void;
  /** After the last chunk; throws FileRuleError when the whole file breaks a rule. */
  end(bytes: number): void;
  entries(): number | null;
}

async function spool(stream: Readable, filename: string, contentType: string, checker: Checker): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'adgraph-upload-'));
  const path = join(dir, 'file');
  const dispose = () => rm(dir, { recursive: true, force: true });
  const out = createWriteStream(path);
  // The temp file's errors (a full disk; a write still completing when we give up) must never be
  // unhandled: they are kept and fail the spool.
  let outError: Error | undefined;
  out.on('error', (error) => {
    outError ??= error;
  });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const data of stream as AsyncIterable<Buffer>) {
      bytes += data.length;
      checker.chunk(data, bytes);
      hash.update(data);
      if (!out.write(data)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        });
      }
      if (outError) throw outError;
    }
    checker.end(bytes);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return { path, filename, contentType, bytes, entries: checker.entries(), sha256: hash.digest('hex'), dispose };
  } catch (error) {
    out.destroy();
    discardUpload(stream);
    await dispose();
    if ((error as { code?: string }).code === 'ERR_FILE_TOO_LARGE' || /maxFileSize|file size limit/i.test((error as Error).message)) {
      throw new FileRuleError('FILE_TOO_LARGE', 'the file is larger than uploads allow');
    }
    throw error;
  }
}

function tooLarge(limit: number): FileRuleError {
  return new FileRuleError('FILE_TOO_LARGE', `must be at most ${Math.round(limit / (1024 * 1024))} MB`);
}

/** Media: a type AdStat names (image/jpeg, video/mp4), whose bytes are really that type, within its size. */
export function spoolMedia(stream: Readable, filename: string, declaredType: string): Promise<SpooledFile> {
  const type = declaredType.toLowerCase().split(';')[0]!.trim();
  const rule = MEDIA_TYPES[type];
  if (!rule) {
    discardUpload(stream);
    return Promise.reject(new FileRuleError('MEDIA_TYPE', `type "${declaredType}" is not accepted: use ${Object.keys(MEDIA_TYPES).join(' or ')}`));
  }
  let head = Buffer.alloc(0);
  let checked = false;
  return spool(stream, filename, type, {
    chunk(data, bytes) {
      if (bytes > rule.maxBytes) throw tooLarge(rule.maxBytes);
      if (!checked) {
        head = Buffer.concat([head, data]).subarray(0, 16);
        if (head.length >= 12) {
          if (!rule.magic(head)) throw new FileRuleError('MEDIA_CONTENT', `the file’s content is not ${type}`);
          checked = true;
        }
      }
    },
    end(bytes) {
      if (bytes === 0) throw new FileRuleError('FILE_EMPTY', 'the file is empty');
      if (!checked && !rule.magic(head)) throw new FileRuleError('MEDIA_CONTENT', `the file’s content is not ${type}`);
    },
    entries: () => null,
  });
}

/**
 * Audience: .csv or .txt, at most 10 MB, entries separated by commas or line breaks, each digits
 * only starting with 998 (an Uzbek number) or a SHA-256 hash, at least 1,000 entries.
 */
export function spoolAudience(stream: Readable, filename: string): Promise<SpooledFile> {
  const ext = extname(filename).toLowerCase();
  if (!(AUDIENCE.extensions as readonly string[]).includes(ext)) {
    discardUpload(stream);
    return Promise.reject(new FileRuleError('AUDIENCE_FILE_TYPE', `must be a .csv or .txt file (got "${filename}")`));
  }
  let carry = '';
  let line = 1;
  let count = 0;
  const decoder = new TextDecoder('utf-8');
  const take = (entry: string, at: number) => {
    const value = entry.trim().replace(/^\uFEFF/, '');
    if (value === '') return;
    if (!AUDIENCE.phone.test(value) && !AUDIENCE.sha256.test(value)) {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      throw new FileRuleError(
        'AUDIENCE_ENTRY',
        `line ${at}: "${shown}" is neither a phone number in international format starting with 998 (digits only, 12 in all) nor a SHA-256 hash`,
      );
    }
    count += 1;
  };
  const consume = (text: string, final: boolean) => {
    const data = carry + text;
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === ',' || c === '\n') {
        take(data.slice(start, i), line);
        if (c === '\n') line += 1;
        start = i + 1;
      }
    }
    // Entries are trimmed anyway: leading blanks never need keeping, so the carry stays short.
    carry = data.slice(start).trimStart();
    if (final) {
      take(carry, line);
      carry = '';
    } else if (carry.length > 200) {
      take(carry, line); // no valid entry is this long: it fails here, before reading further
    }
  };
  return spool(stream, filename, ext === '.csv' ? 'text/csv' : 'text/plain', {
    chunk(data, bytes) {
      if (bytes > AUDIENCE.maxBytes) throw tooLarge(AUDIENCE.maxBytes);
      consume(decoder.decode(data, { stream: true }), false);
    },
    end() {
      consume(decoder.decode(), true);
      if (count < AUDIENCE.minEntries) {
        throw new FileRuleError('AUDIENCE_MIN_ENTRIES', `must hold at least ${AUDIENCE.minEntries} phone numbers or hashes (found ${count})`);
      }
    },
    entries: () => count,
  });
}
