/**
 * Which `status` action a campaign accepts in which campaignStatus. The page says only that a status
 * change applies to an existing campaign; the rules below are the simulator's choice, built on the
 * supplement's status list:
 *
 * | action | allowed from                                          | result                               |
 * |--------|-------------------------------------------------------|--------------------------------------|
 * | start  | pending, readyToStart, paused, systemPaused, onGoing* | readyToStart if now < startTime, else onGoing |
 * | paused | pending, readyToStart, onGoing, paused*               | paused                               |
 * | end    | pending, readyToStart, onGoing, paused, systemPaused  | ended                                |
 *
 * (*) Repeating the action that produced the current status succeeds without change, so a client
 * that retries a status call after a lost answer (the official SDK retries on 5xx) is not punished.
 * ended, reject and fail are final; auditing is locked while the platform reviews the campaign;
 * systemPaused can be started (e.g. after a top-up) or ended, not paused by the advertiser.
 * Starting a campaign whose endTime has passed is refused rather than turned into "ended".
 * Time does not move statuses on its own (readyToStart does not become onGoing at startTime): the
 * seeded state stays static, so tests and benchmarks see the same data throughout.
 */
import type { CampaignStatus, StatusAction } from './catalog.js';
import type { TonaiCampaign } from './state.js';

export type Transition = { ok: true; status: CampaignStatus } | { ok: false; reason: string };

const ALLOWED_FROM: Record<StatusAction, readonly CampaignStatus[]> = {
  start: ['pending', 'readyToStart', 'paused', 'systemPaused', 'onGoing'],
  paused: ['pending', 'readyToStart', 'onGoing', 'paused'],
  end: ['pending', 'readyToStart', 'onGoing', 'paused', 'systemPaused'],
};

export function transition(campaign: TonaiCampaign, action: StatusAction, now: number): Transition {
  const current = campaign.campaignStatus;
  if (!ALLOWED_FROM[action].includes(current)) {
    return {
      ok: false,
      reason: `status "${action}" is not allowed: campaign ${campaign.id} is ${current}`,
    };
  }
  switch (action) {
    case 'start':
      if (now >= campaign.budget.endTime) {
        return { ok: false, reason: `status "start" is not allowed: campaign ${campaign.id} budget.endTime has passed` };
      }
      return { ok: true, status: now < campaign.budget.startTime ? 'readyToStart' : 'onGoing' };
    case 'paused':
      return { ok: true, status: 'paused' };
    case 'end':
      return { ok: true, status: 'ended' };
  }
}
