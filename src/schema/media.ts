/** Uploads: media files (→ a token for advertisements) and phone-number audiences, streamed, never held in memory. */
import type { Readable } from 'node:stream';
import type { FileUpload } from 'graphql-upload-minimal';
import { z } from 'zod';
import type { Context } from '../context.js';
import type { Account, Audience } from '../domain/model.js';
import type { AdstatClient } from '../providers/adstat/client.js';
import { FileRuleError, discardUpload, spoolAudience, spoolMedia, type SpooledFile } from '../providers/adstat/files.js';
import { AUDIENCE, MEDIA_TYPES } from '../providers/adstat/rules.js';
import { audienceCreate } from '../providers/adstat/reconcile.js';
import { AudienceRef } from './audience.js';
import { builder } from './builder.js';
import { upstreamCost } from './costs.js';
import { WRITE_ERRORS } from './mutation-errors.js';
import { globalIdOf, ValidationFailure, rule } from './validation.js';

/** The cabinet behind an Account global id, or a ValidationError naming `input.accountId`. */
async function adstatCabinet(ctx: Context, accountId: { typename: string; id: string }): Promise<{ client: AdstatClient; cabinet: Account }> {
  const [provider, login, cabinetId] = accountId.id.split(':');
  const fail = (message: string) => new ValidationFailure([{ path: ['input', 'accountId'], rule: 'ACCOUNT', message }]);
  if (accountId.typename !== 'Account' || provider !== 'ADSTAT' || !login || !cabinetId) throw fail('must be the global id of an AdStat account');
  const client = ctx.providers.adstat.get(login);
  if (!client) throw fail(`no AdStat login "${login}" is configured`);
  const cabinet = (await client.cabinetDirectory()).find((a) => a.providerId === cabinetId);
  if (!cabinet) throw fail(`cabinet ${cabinetId} does not exist for login "${login}"`);
  return { client, cabinet };
}

/** Spools the upload under a file rule; a broken rule becomes a ValidationError on `input.file`. */
async function spooled(upload: Promise<FileUpload>, spool: (stream: Readable, file: FileUpload) => Promise<SpooledFile>): Promise<SpooledFile> {
  const file = await upload;
  try {
    return await spool(file.createReadStream(), file);
  } catch (error) {
    if (error instanceof FileRuleError) throw new ValidationFailure([{ path: ['input', 'file'], rule: error.rule, message: error.message }]);
    throw error;
  }
}

const UploadMediaInput = builder.inputType('UploadMediaInput', {
  description: 'A media file for an AdStat advertisement.',
  fields: (t) => ({
    accountId: t.globalID({ required: true, description: 'The AdStat cabinet (Account global id).', validate: globalIdOf('Account') }),
    file: t.field({
      type: 'Upload',
      required: true,
      description: `The file (GraphQL multipart request): ${Object.entries(MEDIA_TYPES).map(([type, r]) => `${type} up to ${r.maxBytes / 1024 / 1024} MB`).join(', ')}.`,
    }),
  }),
});

const MediaUploadRef = builder.objectRef<{ token: string; contentType: string | null; filename: string; bytes: number }>('MediaUpload').implement({
  description: 'An uploaded media file.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The media token: pass it as `creative.mediaToken`.' }),
    contentType: t.exposeString('contentType', { nullable: true, description: 'Type as AdStat recorded it.' }),
    filename: t.exposeString('filename', { description: 'The file name as uploaded.' }),
    bytes: t.exposeInt('bytes', { description: 'Size in bytes.' }),
  }),
});

builder.mutationField('uploadMedia', (t) =>
  t.field({
    extensions: upstreamCost({ adstat: 3 }),
    type: MediaUploadRef,
    description: 'Uploads an image or video to AdStat and returns its media token. The type and size are checked while the file streams in; a refused file is never sent.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'UploadMediaResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: { input: t.arg({ type: UploadMediaInput, required: true, description: 'The file and its cabinet.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { client, cabinet } = await adstatCabinet(ctx, input.accountId);
      const file = await spooled(input.file, (stream, f) => spoolMedia(stream, f.filename, f.mimetype));
      try {
        const media = await client.uploadMedia(cabinet.providerId, file);
        return { token: media.token, contentType: media.contentType, filename: file.filename, bytes: file.bytes };
      } finally {
        await file.dispose();
      }
    },
  }),
);

const CreateAudienceInput = builder.inputType('CreateAudienceInput', {
  description: `A phone-number audience for an Uzbekistan AdStat cabinet, from a .csv or .txt file up to ${AUDIENCE.maxBytes / 1024 / 1024} MB: at least ${AUDIENCE.minEntries} numbers (digits only, international format starting with 998) or their SHA-256 hashes, separated by commas or line breaks.`,
  validate: z.custom<{ title: string }>().superRefine((input, ctx) => {
    if (input.title.trim() === '') ctx.addIssue({ code: 'custom', path: ['title'], ...rule('REQUIRED', 'must not be empty') });
    if (input.title.length > 255) ctx.addIssue({ code: 'custom', path: ['title'], ...rule('LENGTH', 'must be at most 255 characters') });
  }),
  fields: (t) => ({
    accountId: t.globalID({ required: true, description: 'The AdStat cabinet (Account global id); it must be an Uzbekistan cabinet.', validate: globalIdOf('Account') }),
    title: t.string({ required: true, description: 'Audience name.' }),
    file: t.field({ type: 'Upload', required: true, description: 'The numbers (GraphQL multipart request).' }),
    validateOnly: t.boolean({ required: false, defaultValue: false, description: 'Check the cabinet and the whole file, and create nothing.' }),
    idempotencyKey: t.string({ required: false, description: 'A key of your choice (kept 24 h): retrying with the same key, title and file returns the first audience instead of creating twice, even when the first answer was lost. Without a key a create is NOT safe to retry: if its answer is lost (OutcomeUnknown), a retry may create a second one.' }),
  }),
});

const AudienceWriteRef = builder.objectRef<{ audience: Audience | null; validateOnly: boolean; entries: number }>('AudienceWrite').implement({
  description: 'The result of creating an audience.',
  fields: (t) => ({
    audience: t.field({ type: AudienceRef, nullable: true, description: 'The new audience; null with validateOnly.', resolve: (w) => w.audience }),
    validateOnly: t.exposeBoolean('validateOnly', { description: 'True when nothing was created.' }),
    entries: t.exposeInt('entries', { description: 'How many numbers or hashes the file holds.' }),
  }),
});

builder.mutationField('createAudience', (t) =>
  t.field({
    extensions: upstreamCost({ adstat: 4 }),
    type: AudienceWriteRef,
    description: 'Creates a phone-number audience from an uploaded file. Every rule (Uzbekistan cabinet, size, format, at least 1,000 entries) is checked while the file streams in, before anything reaches AdStat. Safe to retry only with an idempotencyKey.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'CreateAudienceResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: { input: t.arg({ type: CreateAudienceInput, required: true, description: 'The audience.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { client, cabinet } = await adstatCabinet(ctx, input.accountId);
      if (!cabinet.audiencesAllowed) {
        discardUpload((await input.file).createReadStream());
        throw new ValidationFailure([{ path: ['input', 'accountId'], rule: 'AUDIENCES_NOT_ALLOWED', message: `cabinet "${cabinet.name}" cannot have phone-number audiences (Uzbekistan cabinets only)` }]);
      }
      const file = await spooled(input.file, (stream, f) => spoolAudience(stream, f.filename));
      try {
        const entries = file.entries ?? 0;
        if (input.validateOnly) return { audience: null, validateOnly: true, entries };
        const fingerprint = { accountId: input.accountId.id, title: input.title, sha256: file.sha256 };
        const audience = await ctx.providers.idempotency.run({
          scope: `adstat:${client.id}:createAudience`,
          key: input.idempotencyKey,
          input: fingerprint,
          maxAttemptMs: ctx.providers.uploadAttemptMs,
          ...audienceCreate(client, cabinet.providerId, input.title.trim(), file),
        });
        return { audience, validateOnly: false, entries };
      } finally {
        await file.dispose();
      }
    },
  }),
);
