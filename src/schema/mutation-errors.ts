/**
 * Typed mutation results: every mutation returns a union of its success type and these errors,
 * which a codegen client can switch on by `__typename`. All implement `MutationError`.
 */
import type { ObjectRef } from '@pothos/core';
import { GraphQLScalarType } from 'graphql';
import { GraphQLUpload } from 'graphql-upload-minimal';
import { ProviderError } from '../providers/errors.js';
import { IdempotencyConflict, IdempotencyInProgress } from '../providers/idempotency.js';
import { IdempotencyUnavailable } from '../providers/idempotency-records.js';
import { WriteOutcomeUnknown } from '../providers/outcome.js';
import { builder } from './builder.js';
import { PROVIDER_LABEL } from './errors.js';
import { ProviderEnum } from './scalars.js';
import { ValidationFailure, fieldOf, type Issue } from './validation.js';

builder.addScalarType('Upload', GraphQLUpload as GraphQLScalarType<Promise<import('graphql-upload-minimal').FileUpload>, never>, {});

builder.scalarType('JSON', {
  description: 'Any JSON value (used for request previews).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const MutationErrorRef = builder.interfaceRef<Error>('MutationError').implement({
  description: 'Something that stopped a mutation. Switch on `__typename` for the details.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, for people.' }) }),
});

const IssueRef = builder.objectRef<Issue>('ValidationIssue').implement({
  description: 'One broken rule.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the offending value in the arguments, e.g. ["input", "targeting", "bots", "2"].' }),
    field: t.string({ description: 'The same path as text, e.g. "input.targeting.bots[2]".', resolve: (i) => fieldOf(i) }),
    rule: t.exposeString('rule', { description: 'Stable code of the rule, e.g. "KKTU_THIRD_LEVEL", for programs to switch on.' }),
    message: t.exposeString('message', { description: 'What the rule requires, for people.' }),
  }),
});

builder.objectType(ValidationFailure, {
  name: 'ValidationError',
  description: 'The input broke one or more rules. Nothing was sent to the provider.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => value instanceof ValidationFailure,
  fields: (t) => ({ issues: t.field({ type: [IssueRef], description: 'Every broken rule, each with its field path.', resolve: (e) => e.issues }) }),
});

export const ProviderErrorCodeEnum = builder.enumType('ProviderErrorCode', {
  description: 'Why a provider call failed.',
  values: {
    PROVIDER_UNAVAILABLE: { description: 'The provider could not be reached, timed out or failed (5xx). Safe to retry later.' },
    PROVIDER_CONTRACT: { description: 'The provider answered something that does not match its documentation.' },
    PROVIDER_AUTH: { description: 'The provider refused the configured credentials.' },
    RATE_LIMITED: { description: 'The provider’s rate limit forbids the call now; see `retryAfterSeconds`.' },
    PROVIDER_REJECTED: { description: 'The provider rejected the request’s content; see `message`.' },
    NOT_FOUND: { description: 'The provider does not know the item.' },
  } as const,
});

builder.objectType(ProviderError, {
  name: 'ProviderFailure',
  description: 'The provider refused or failed the request. When it refused, nothing was changed.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => value instanceof ProviderError,
  fields: (t) => ({
    code: t.field({ type: ProviderErrorCodeEnum, description: 'Why.', resolve: (e) => e.code }),
    provider: t.field({ type: ProviderEnum, description: 'Which provider.', resolve: (e) => PROVIDER_LABEL[e.details.provider] }),
    account: t.string({ nullable: true, description: 'Which configured login or key.', resolve: (e) => e.details.account ?? null }),
    retryAfterSeconds: t.int({ nullable: true, description: 'For RATE_LIMITED: when to try again.', resolve: (e) => e.details.retryAfterSeconds ?? null }),
  }),
});

builder.objectType(IdempotencyConflict, {
  name: 'IdempotencyKeyReused',
  description: 'The idempotency key was used before with different input. Nothing was sent.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => value instanceof IdempotencyConflict,
  fields: (t) => ({ key: t.exposeString('key', { description: 'The key.' }) }),
});

builder.objectType(IdempotencyInProgress, {
  name: 'IdempotencyKeyInProgress',
  description: 'Another request with the same idempotency key is still running. Nothing was sent for this one; retry with the same key to get its result.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => value instanceof IdempotencyInProgress,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key.' }),
    // Nullable like ProviderFailure.retryAfterSeconds, so one selection can ask both.
    retryAfterSeconds: t.int({ nullable: true, description: 'When the running request should be over.', resolve: (e) => e.retryAfterSeconds }),
  }),
});

builder.objectType(IdempotencyUnavailable, {
  name: 'IdempotencyUnavailable',
  description:
    'The shared idempotency records (Redis) cannot be reached. When `sent` is false nothing was sent: the create was refused rather than risk a duplicate; retry with the same key later.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => value instanceof IdempotencyUnavailable,
  fields: (t) => ({
    sent: t.boolean({ description: 'Whether the request may have reached the provider (the records were lost during the create).', resolve: (e) => !e.beforeSending }),
    retryAfterSeconds: t.int({ nullable: true, description: 'When to retry with the same key.', resolve: (e) => e.retryAfterSeconds }),
  }),
});

const OutcomeUnknownReasonEnum = builder.enumType('OutcomeUnknownReason', {
  description: 'Why adgraph cannot tell whether a change was applied.',
  values: {
    TIMED_OUT: { description: 'The provider did not answer within the deadline; the change may still have been applied.' },
    CONNECTION_LOST: { description: 'The connection was lost after the request was sent; the change may have been applied.' },
    NOT_RECONCILED: { description: 'A retry with the same idempotency key looked for what the earlier attempt would have made and could not tell.' },
  } as const,
});

builder.objectType(WriteOutcomeUnknown, {
  name: 'OutcomeUnknown',
  description:
    'The request may have reached the provider and no answer says whether it was applied. Do not assume it failed: check (see `check`), or retry with the same idempotency key, which looks for the result first and creates only when it can tell nothing was made.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => value instanceof WriteOutcomeUnknown,
  fields: (t) => ({
    reason: t.field({ type: OutcomeUnknownReasonEnum, description: 'Why the outcome is unknown.', resolve: (e) => e.details.reason }),
    provider: t.field({ type: ProviderEnum, description: 'Which provider.', resolve: (e) => PROVIDER_LABEL[e.details.provider] }),
    account: t.string({ nullable: true, description: 'Which configured login or key.', resolve: (e) => e.details.account ?? null }),
    sentAt: t.field({ type: 'DateTime', description: 'When the attempt in doubt was sent: anything it made was made after this.', resolve: (e) => e.details.sentAt }),
    check: t.string({ nullable: true, description: 'What to look at to find out whether it happened, for people.', resolve: (e) => e.details.check ?? null }),
    candidateProviderIds: t.stringList({
      description: 'Provider ids of existing objects that may be the one the attempt made, when several match and adgraph cannot tell which.',
      resolve: (e) => e.details.candidates ?? [],
    }),
    idempotencyKey: t.string({ nullable: true, description: 'The key of the attempt; null when the create had none (then a retry may create twice).', resolve: (e) => e.details.idempotencyKey ?? null }),
    retryAfterSeconds: t.int({ nullable: true, description: 'When a retry with the same key can learn more.', resolve: (e) => e.details.retryAfterSeconds ?? null }),
  }),
});

/** The errors every write can return. */
export const WRITE_ERRORS = [ValidationFailure, ProviderError, IdempotencyConflict, IdempotencyInProgress, IdempotencyUnavailable, WriteOutcomeUnknown];

export const RequestPreviewRef = builder.objectRef<{ method: string; path: string; body: unknown }>('RequestPreview').implement({
  description: 'The request adgraph would send to the provider (validateOnly), exactly as it would go, without credentials.',
  fields: (t) => ({
    method: t.exposeString('method', { description: 'HTTP method.' }),
    path: t.exposeString('path', { description: 'Provider path.' }),
    body: t.field({ type: 'JSON', description: 'The JSON body, in the provider’s own field names.', resolve: (p) => p.body }),
  }),
});

export const ItemErrorRef = builder.objectRef<{ code: string; message: string }>('ItemError').implement({
  description: 'Why one item of a bulk change failed.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'PROVIDER_REJECTED, NOT_FOUND, VALIDATION, RATE_LIMITED, PROVIDER_UNAVAILABLE, OUTCOME_UNKNOWN (the change may or may not have been applied: check before retrying) …' }),
    message: t.exposeString('message', { description: 'What went wrong.' }),
  }),
});

/** One item of a bulk change: the id as given, the item after the change (null on failure), the error. */
export interface ItemChange<T> {
  id: string;
  item: T | null;
  error: { code: string; message: string } | null;
}

/**
 * The payload of a bulk change: one result per item in the order given, never all-or-nothing.
 * `field` names the item on each result (e.g. "advertisement").
 */
export function bulkPayload<T>(names: { payload: string; result: string; field: string; noun: string }, itemRef: ObjectRef<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never, T>) {
  const ResultRef = builder.objectRef<ItemChange<T>>(names.result).implement({
    description: `The outcome for one ${names.noun} of a bulk change.`,
    fields: (t) => ({
      id: t.exposeID('id', { description: `The ${names.noun}’s global id, as given.` }),
      ok: t.boolean({ description: 'Whether the change was applied.', resolve: (c) => c.error === null }),
      [names.field]: t.field({ type: itemRef, nullable: true, description: `The ${names.noun} after the change; null when this item failed.`, resolve: (c) => c.item as never }),
      error: t.field({ type: ItemErrorRef, nullable: true, description: 'Why it failed; null on success.', resolve: (c) => c.error }),
    }),
  });
  return builder.objectRef<{ results: ItemChange<T>[] }>(names.payload).implement({
    description: `One result per ${names.noun}, in the order given: never all-or-nothing.`,
    fields: (t) => ({
      results: t.field({ type: [ResultRef], description: `Per ${names.noun}.`, resolve: (p) => p.results }),
      succeeded: t.int({ description: 'How many changed.', resolve: (p) => p.results.filter((r) => r.error === null).length }),
      failed: t.int({ description: 'How many did not.', resolve: (p) => p.results.filter((r) => r.error !== null).length }),
    }),
  });
}
