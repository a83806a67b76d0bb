/**
 * Composes a federation supergraph from running subgraphs: reads each one's `_service { sdl }` over
 * HTTP and composes them with `@apollo/composition` (the same library rover and the gateways use).
 *
 *   npx tsx scripts/compose.ts adgraph=http://127.0.0.1:4000/graphql reviews=http://127.0.0.1:4001/graphql > supergraph.graphql
 *   npx tsx scripts/compose.ts --out supergraph.graphql http://127.0.0.1:4000/graphql reviews=http://…
 *
 * A bare URL is named after its host and port. Composition errors go to stderr with exit code 1
 * (an existing `--out` file is left as it was); hints go to stderr with `--hints`. For a file a
 * gateway watches, use `--out`: it replaces the file whole (a shell `>` empties it first).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
}

export interface SubgraphDefinition extends SubgraphSource {
  sdl: string;
}

/** A subgraph's SDL from its `_service { sdl }` field (a plain JSON POST: no CSRF header needed). */
export async function fetchSubgraphSdl(url: string, headers: Record<string, string> = {}): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify({ query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' }),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new Error(`${url}: ${error instanceof Error ? error.message : String(error)}${cause}`);
  }
  const text = await res.text();
  let body: { data?: { _service?: { sdl?: string } } | null; errors?: { message: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${url}: HTTP ${res.status}, not a GraphQL response: ${text.slice(0, 200)}`);
  }
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') {
    const why = body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`;
    throw new Error(`${url}: no _service.sdl (is it a federation subgraph?): ${why}`);
  }
  return sdl;
}

export type ComposeResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[]; hints: string[] };

/** Composes subgraph SDLs into a supergraph SDL (the file `@apollo/gateway` or `hive-gateway supergraph` serves). */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): ComposeResult {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  const hints = (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`);
  if (result.errors) return { ok: false, errors: result.errors.map((e) => `${String(e.extensions['code'] ?? 'ERROR')}: ${e.message}`), hints };
  return { ok: true, supergraphSdl: result.supergraphSdl, hints };
}

/** Fetches each subgraph's SDL and composes them. */
export async function composeFromUrls(sources: SubgraphSource[]): Promise<ComposeResult> {
  const subgraphs = await Promise.all(sources.map(async (s) => ({ ...s, sdl: await fetchSubgraphSdl(s.url) })));
  return composeSupergraph(subgraphs);
}

/**
 * Writes a file whole: the text goes to a temp file beside it (same directory, so the same file
 * system), is flushed, and is renamed over the target. rename(2) is atomic, so a reader such as a
 * gateway watching the file sees the old file or the new one, never a partial one (Hive Gateway
 * exits on a supergraph it cannot parse). The `wx` flag refuses to reuse a stray temp file.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** `name=url` or a bare URL (named after its host and port, e.g. `127_0_0_1_4000`). */
export function parseSource(arg: string): SubgraphSource {
  const eq = arg.indexOf('=');
  if (eq > 0 && !arg.slice(0, eq).includes('/')) return { name: arg.slice(0, eq), url: arg.slice(eq + 1) };
  const url = new URL(arg);
  return { name: url.host.replace(/[^A-Za-z0-9]/g, '_'), url: arg };
}

async function main(argv: string[]): Promise<number> {
  let out: string | null = null;
  let showHints = false;
  const sources: SubgraphSource[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out' || arg === '-o') out = argv[++i] ?? null;
    else if (arg === '--hints') showHints = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: tsx scripts/compose.ts [--out supergraph.graphql] [--hints] name=http://host:port/graphql ...\n');
      return 0;
    } else sources.push(parseSource(arg));
  }
  if (sources.length === 0) {
    process.stderr.write('usage: tsx scripts/compose.ts [--out supergraph.graphql] [--hints] name=http://host:port/graphql ...\n');
    return 2;
  }
  const result = await composeFromUrls(sources);
  if (showHints) for (const hint of result.hints) process.stderr.write(`hint: ${hint}\n`);
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`error: ${error}\n`);
    return 1;
  }
  if (out) {
    writeFileAtomic(out, result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`);
    process.stderr.write(`wrote ${out} (${sources.map((s) => s.name).join(', ')})\n`);
  } else {
    process.stdout.write(result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
