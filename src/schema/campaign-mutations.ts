/** Writing TON.ai campaigns: create (every required field checked first) and bulk start/pause/end. */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import type { NewTonaiCampaign, TonaiStatusAction } from '../domain/writes.js';
import { ProviderError } from '../providers/errors.js';
import { campaignCreate } from '../providers/tonai/reconcile.js';
import { WriteOutcomeUnknown } from '../providers/outcome.js';
import { RULES } from '../providers/tonai/wire.js';
import { builder } from './builder.js';
import { upstreamCost, wholeTonaiList } from './costs.js';
import { TonaiCampaignRef, type TonaiRef } from './campaign.js';
import { RequestPreviewRef, WRITE_ERRORS, bulkPayload, type ItemChange } from './mutation-errors.js';
import { globalIdOf, ValidationFailure, rule } from './validation.js';

const BillingTypeEnum = builder.enumType('TonaiBillingType', {
  description: 'How a TON.ai campaign pays.',
  values: { CPM: { description: 'Per thousand impressions.' }, CPC: { description: 'Per click.' } } as const,
});

const ActionTypeEnum = builder.enumType('TonaiActionType', {
  description: 'What a click on a TON.ai ad does.',
  values: {
    VISIT_WEBSITE: { description: 'Opens a URL.' },
    JOIN_TELEGRAM: { description: 'Opens a Telegram link (t.me).' },
  } as const,
});

const PlatformEnum = builder.enumType('TonaiPlatform', {
  description: 'Device platform.',
  values: { ALL: { description: 'Every device.' }, ANDROID: { description: 'Android.' }, IOS: { description: 'iOS.' } } as const,
});

const TargetingInput = builder.inputType('TonaiTargetingInput', {
  description: 'Who sees the campaign. Regions from TON.ai’s list (e.g. "CIS", "Eastern Asia"); languages as two-letter codes.',
  fields: (t) => ({
    includedRegions: t.stringList({ required: false, description: `Regions to show in: ${RULES.regions.join(', ')}.` }),
    excludedRegions: t.stringList({ required: false, description: 'Regions to leave out.' }),
    includedLanguages: t.stringList({ required: false, description: 'Language codes to show to, e.g. "hi".' }),
    excludedLanguages: t.stringList({ required: false, description: 'Language codes to leave out.' }),
    platform: t.field({ type: PlatformEnum, required: false, defaultValue: 'ALL', description: 'Device platform.' }),
    telegramPremium: t.boolean({ required: false, defaultValue: false, description: 'Only Telegram Premium users.' }),
    isHighValueUser: t.boolean({ required: false, defaultValue: false, description: 'Only the platform’s high-value users.' }),
    userLinkedTonWallet: t.boolean({ required: false, defaultValue: false, description: 'Only users who linked a TON wallet.' }),
  }),
});

const BudgetInput = builder.inputType('TonaiBudgetInput', {
  description: 'Budget in USDT and run time.',
  fields: (t) => ({
    daily: t.field({ type: 'Decimal', required: true, description: 'Daily budget, USDT (more than zero, at most the total).' }),
    total: t.field({ type: 'Decimal', required: true, description: 'Total budget, USDT.' }),
    startTime: t.field({ type: 'DateTime', required: true, description: 'Start.' }),
    endTime: t.field({ type: 'DateTime', required: true, description: 'End: after the start, in the future.' }),
  }),
});

const BiddingInput = builder.inputType('TonaiBiddingInput', {
  description: 'Billing type and bid.',
  fields: (t) => ({
    billingType: t.field({ type: BillingTypeEnum, required: true, description: 'CPM or CPC.' }),
    costPer: t.field({ type: 'Decimal', required: true, description: 'Bid in USDT per thousand impressions (CPM) or per click (CPC).' }),
  }),
});

const CreativeInput = builder.inputType('TonaiCreativeInput', {
  description: 'The image ad.',
  fields: (t) => ({
    popupImage: t.string({ required: true, description: 'URL of the image (1:1, 800×800, ≤ 1 MB).' }),
    icon: t.string({ required: true, description: 'URL of the icon (100×100, ≤ 100 KB).' }),
    actionType: t.field({ type: ActionTypeEnum, required: true, description: 'What a click does.' }),
    destinationUrl: t.string({ required: true, description: 'Landing URL (a t.me link for JOIN_TELEGRAM).' }),
    text: t.string({ required: true, description: `Ad text, 1–${RULES.textMax} characters.` }),
    brandName: t.string({ required: true, description: `Brand name, ${RULES.brandName.min}–${RULES.brandName.max} characters.` }),
    buttonText: t.string({ required: true, description: `Button label, ${RULES.buttonText.min}–${RULES.buttonText.max} characters.` }),
  }),
});

interface CreateShape {
  name: string;
  targeting?: { includedRegions?: string[] | null; excludedRegions?: string[] | null; includedLanguages?: string[] | null; excludedLanguages?: string[] | null } | null;
  budget: { daily: string; total: string; startTime: Date; endTime: Date };
  bidding: { costPer: string };
  creative: { popupImage: string; icon: string; actionType: string; destinationUrl: string; text: string; brandName: string; buttonText: string };
}

const chars = (s: string) => [...s].length;
const isHttpUrl = (s: string) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(s.trim());

const createRules = z.custom<CreateShape>().superRefine((input, ctx) => {
  const add = (path: (string | number)[], code: string, text: string) => ctx.addIssue({ code: 'custom', path, ...rule(code, text) });
  const name = input.name.trim();
  if (chars(name) < RULES.name.min || chars(name) > RULES.name.max) add(['name'], 'LENGTH', `must be ${RULES.name.min}–${RULES.name.max} characters`);
  const t = input.targeting ?? {};
  for (const field of ['includedRegions', 'excludedRegions'] as const) {
    (t[field] ?? []).forEach((region, i) => {
      if (!(RULES.regions as readonly string[]).includes(region)) add(['targeting', field, i], 'REGION', `"${region}" is not a TON.ai region (${RULES.regions.join(', ')})`);
    });
  }
  for (const field of ['includedLanguages', 'excludedLanguages'] as const) {
    (t[field] ?? []).forEach((language, i) => {
      if (!/^[a-z]{2}$/.test(language)) add(['targeting', field, i], 'LANGUAGE', `"${language}" is not a two-letter language code`);
    });
  }
  const both = (t.includedRegions ?? []).filter((r) => (t.excludedRegions ?? []).includes(r));
  if (both.length) add(['targeting', 'excludedRegions'], 'REGION_BOTH', `${both.join(', ')} cannot be both included and excluded`);
  const daily = Number(input.budget.daily);
  const total = Number(input.budget.total);
  if (!(daily > 0)) add(['budget', 'daily'], 'POSITIVE_MONEY', 'must be more than zero');
  if (!(total > 0)) add(['budget', 'total'], 'POSITIVE_MONEY', 'must be more than zero');
  if (daily > total) add(['budget', 'daily'], 'DAILY_WITHIN_TOTAL', 'must not exceed the total budget');
  if (input.budget.startTime.getTime() >= input.budget.endTime.getTime()) add(['budget', 'endTime'], 'START_BEFORE_END', 'must be after startTime');
  if (input.budget.endTime.getTime() <= Date.now()) add(['budget', 'endTime'], 'END_IN_FUTURE', 'must be in the future');
  if (!(Number(input.bidding.costPer) > 0)) add(['bidding', 'costPer'], 'POSITIVE_MONEY', 'must be more than zero');
  const c = input.creative;
  for (const field of ['popupImage', 'icon'] as const) if (!isHttpUrl(c[field])) add(['creative', field], 'URL', 'must be an http(s) URL');
  if (!isHttpUrl(c.destinationUrl)) add(['creative', 'destinationUrl'], 'URL', 'must be an http(s) URL');
  else if (c.actionType === 'JOIN_TELEGRAM' && !/^https?:\/\/t\.me\//i.test(c.destinationUrl.trim())) add(['creative', 'destinationUrl'], 'TELEGRAM_URL', 'JOIN_TELEGRAM needs a t.me link');
  const text = c.text.trim();
  if (chars(text) < 1 || chars(text) > RULES.textMax) add(['creative', 'text'], 'LENGTH', `must be 1–${RULES.textMax} characters (got ${chars(text)})`);
  if (chars(c.brandName.trim()) < RULES.brandName.min || chars(c.brandName.trim()) > RULES.brandName.max) add(['creative', 'brandName'], 'LENGTH', `must be ${RULES.brandName.min}–${RULES.brandName.max} characters`);
  if (chars(c.buttonText.trim()) < RULES.buttonText.min || chars(c.buttonText.trim()) > RULES.buttonText.max) add(['creative', 'buttonText'], 'LENGTH', `must be ${RULES.buttonText.min}–${RULES.buttonText.max} characters`);
});

const CreateInput = builder.inputType('CreateTonaiCampaignInput', {
  description: 'A new TON.ai campaign: every field TON.ai requires, checked before sending.',
  validate: createRules,
  fields: (t) => ({
    accountId: t.globalID({ required: true, description: 'The TON.ai account (Account global id) — which configured key creates it.', validate: globalIdOf('Account') }),
    name: t.string({ required: true, description: `Campaign name, ${RULES.name.min}–${RULES.name.max} characters.` }),
    targeting: t.field({ type: TargetingInput, required: false, description: 'Who sees it.' }),
    budget: t.field({ type: BudgetInput, required: true, description: 'Budget and run time.' }),
    bidding: t.field({ type: BiddingInput, required: true, description: 'Billing and bid.' }),
    creative: t.field({ type: CreativeInput, required: true, description: 'The ad.' }),
    validateOnly: t.boolean({ required: false, defaultValue: false, description: 'Check everything and return the request without creating.' }),
    idempotencyKey: t.string({ required: false, description: 'A key of your choice (kept 24 h): retrying with the same key and input returns the first result instead of creating twice, even when the first answer was lost: adgraph looks for what the first attempt made before sending again. Without a key a create is NOT safe to retry: if its answer is lost (OutcomeUnknown), a retry may create a second one.' }),
  }),
});

const TonaiCampaignWriteRef = builder.objectRef<{ campaign: TonaiRef | null; validateOnly: boolean; request: { method: string; path: string; body: unknown } }>('TonaiCampaignWrite').implement({
  description: 'The result of creating a TON.ai campaign.',
  fields: (t) => ({
    campaign: t.field({ type: TonaiCampaignRef, nullable: true, description: 'The new campaign; null with validateOnly.', resolve: (w) => w.campaign }),
    validateOnly: t.exposeBoolean('validateOnly', { description: 'True when nothing was created.' }),
    request: t.field({ type: RequestPreviewRef, description: 'The request sent to TON.ai (or that would be).', resolve: (w) => w.request }),
  }),
});

function tonaiKeyOf(accountGlobalId: { typename: string; id: string }): string {
  const [provider, key] = accountGlobalId.id.split(':');
  if (accountGlobalId.typename !== 'Account' || provider !== 'TONAI' || !key) {
    throw new ValidationFailure([{ path: ['input', 'accountId'], rule: 'ACCOUNT', message: 'must be the global id of a TON.ai account' }]);
  }
  return key;
}

builder.mutationField('createTonaiCampaign', (t) =>
  t.field({
    // The create, then the payload's campaign: found in the key's whole list (its details fields add
    // one details call, counted by the sub-selection).
    extensions: upstreamCost((_args, scope) => ({ tonai: 1, shared: wholeTonaiList(scope), items: 1 })),
    type: TonaiCampaignWriteRef,
    description: 'Creates a TON.ai campaign (USDT). It starts as TON.ai decides (usually PENDING); start it with setTonaiCampaignStatus. Safe to retry only with an idempotencyKey.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'CreateTonaiCampaignResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: { input: t.arg({ type: CreateInput, required: true, description: 'The campaign.' }) },
    resolve: async (_root, { input }, ctx) => {
      const key = tonaiKeyOf(input.accountId);
      const client = ctx.providers.tonai.get(key);
      if (!client) throw new ValidationFailure([{ path: ['input', 'accountId'], rule: 'ACCOUNT', message: `no TON.ai key "${key}" is configured` }]);
      const t = input.targeting;
      const campaign: NewTonaiCampaign = {
        name: input.name.trim(),
        targeting: {
          includedRegions: t?.includedRegions ?? [],
          excludedRegions: t?.excludedRegions ?? [],
          includedLanguages: t?.includedLanguages ?? [],
          excludedLanguages: t?.excludedLanguages ?? [],
          platform: t?.platform ?? 'ALL',
          telegramPremium: t?.telegramPremium ?? false,
          isHighValueUser: t?.isHighValueUser ?? false,
          userLinkedTonWallet: t?.userLinkedTonWallet ?? false,
        },
        budget: { daily: input.budget.daily, total: input.budget.total, startTime: input.budget.startTime, endTime: input.budget.endTime },
        bidding: { billingType: input.bidding.billingType, costPer: input.bidding.costPer },
        creative: {
          actionType: input.creative.actionType,
          popupImage: input.creative.popupImage.trim(),
          icon: input.creative.icon.trim(),
          destinationUrl: input.creative.destinationUrl.trim(),
          text: input.creative.text.trim(),
          brandName: input.creative.brandName.trim(),
          buttonText: input.creative.buttonText.trim(),
        },
      };
      const request = client.previewCreate(campaign);
      if (input.validateOnly) return { campaign: null, validateOnly: true, request };
      const { idempotencyKey, validateOnly: _v, ...fingerprint } = input;
      const id = await ctx.providers.idempotency.run({ scope: `tonai:${key}:createCampaign`, key: idempotencyKey, input: fingerprint, ...campaignCreate(client, campaign) });
      return { campaign: { provider: 'TONAI' as const, connectionId: key, id, row: null, details: null }, validateOnly: false, request };
    },
  }),
);

const StatusActionEnum = builder.enumType('TonaiStatusAction', {
  description: 'What to do with a TON.ai campaign.',
  values: {
    START: { description: 'Start (or resume) it.' },
    PAUSE: { description: 'Pause it.' },
    END: { description: 'End it for good.' },
  } as const,
});

const PayloadRef = bulkPayload(
  { payload: 'SetTonaiCampaignStatusPayload', result: 'TonaiCampaignStatusChange', field: 'campaign', noun: 'campaign' },
  TonaiCampaignRef,
);

builder.mutationField('setTonaiCampaignStatus', (t) =>
  t.field({
    // One call per campaign (TON.ai changes one at a time), then its details for the result.
    extensions: upstreamCost((args, scope) => { const n = Array.isArray(args.ids) ? args.ids.length : 0; return { tonai: 2 * n, shared: wholeTonaiList(scope), items: n }; }),
    type: PayloadRef,
    description: 'Starts, pauses or ends many TON.ai campaigns (one TON.ai call each, in parallel), with a result per campaign. TON.ai applies a status only to an existing campaign.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'SetTonaiCampaignStatusResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: {
      ids: t.arg.idList({ required: true, description: 'TonaiCampaign global ids (1–100).', validate: z.array(z.string()).min(1, rule('IDS_COUNT', 'give at least one id').message).max(100, rule('IDS_COUNT', 'at most 100 ids').message) }),
      action: t.arg({ type: StatusActionEnum, required: true, description: 'START, PAUSE or END.' }),
    },
    resolve: async (_root, args, ctx) => {
      const results = await Promise.all(
        args.ids.map(async (raw): Promise<ItemChange<TonaiRef>> => {
          const id = String(raw);
          let key = '';
          let campaignId = '';
          try {
            const decoded = decodeGlobalID(id);
            const at = decoded.id.indexOf(':');
            if (decoded.typename === 'TonaiCampaign' && at > 0) [key, campaignId] = [decoded.id.slice(0, at), decoded.id.slice(at + 1)];
          } catch {
            // reported below
          }
          const client = ctx.providers.tonai.get(key);
          if (!client || !campaignId) return { id, item: null, error: { code: 'VALIDATION', message: 'not the global id of a TON.ai campaign' } };
          const campaign: TonaiRef = { provider: 'TONAI', connectionId: key, id: campaignId, row: null, details: null };
          try {
            await client.setCampaignStatus(campaignId, args.action);
            ctx.loaders.tonaiDetails.clear(`${key}:${campaignId}`);
            return { id, item: campaign, error: null };
          } catch (error) {
            // A failed item may not exist at all: only successes carry the campaign.
            if (error instanceof ProviderError) return { id, item: null, error: { code: error.code, message: error.message } };
            if (error instanceof WriteOutcomeUnknown) return { id, item: null, error: { code: 'OUTCOME_UNKNOWN', message: error.message } };
            throw error;
          }
        }),
      );
      return { results };
    },
  }),
);
