/**
 * A hand-written multipart/form-data body that streams a file from disk: undici's FormData takes
 * only in-memory Blobs, this keeps memory flat whatever the file size.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  path: string;
}

function quote(value: string): string {
  return value.replace(/["\r\n\\]/g, (c) => (c === '"' ? '%22' : c === '\\' ? '\\\\' : ''));
}

export async function multipartBody(fields: Record<string, string>, file: MultipartFile): Promise<{ body: Readable; contentType: string; length: number }> {
  const boundary = `----adgraph${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await stat(file.path);
  async function* parts() {
    yield head;
    yield* createReadStream(file.path, { highWaterMark: 64 * 1024 });
    yield tail;
  }
  return { body: Readable.from(parts()), contentType: `multipart/form-data; boundary=${boundary}`, length: head.length + size + tail.length };
}
