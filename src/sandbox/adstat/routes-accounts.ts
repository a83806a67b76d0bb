/** Cabinets (= accounts) and the user's balance dashboard. */
import type { AdstatContext } from './context.js';
import { round2 } from './state.js';
import { QueryReader, detail, validationError } from './validation.js';
import { cabinetItem, cabinetMoney, cabinetName } from './wire.js';

export function registerAccountRoutes({ router, state }: AdstatContext): void {
  // Registered before `/:account_uid`, which would otherwise take "names" as an id.
  router.authed('GET', '/api/accounts/telegram/names', (_req, user) => ({
    status: 200,
    body: state.cabinetsOf(user.id).map(cabinetName),
  }));

  router.authed('GET', '/api/accounts/telegram/:account_uid', (req, user) => {
    const cabinet = state.cabinetOf(user.id, req.params.account_uid ?? '');
    return cabinet ? { status: 200, body: cabinetName(cabinet) } : detail(404, 'Account not found');
  });

  router.authed('GET', '/api/accounts/telegram', (req, user) => {
    const q = new QueryReader(req.query);
    const offset = q.int('offset', { default: 0, min: 0 });
    const limit = q.int('limit', { default: 50, min: 1, max: 500 });
    const name = (q.string('account_name') ?? '').trim().toLowerCase();
    const legal = (q.string('legal_name') ?? '').trim().toLowerCase();
    if (q.issues.length > 0) return validationError(q.issues);
    const matched = state
      .cabinetsOf(user.id)
      .filter((c) => c.name.toLowerCase().includes(name) && c.legalName.toLowerCase().includes(legal));
    return {
      status: 200,
      body: { items: matched.slice(offset, offset + limit).map((c) => cabinetItem(state, c)), count: matched.length },
    };
  });

  router.authed('GET', '/api/dashboard/balances', (_req, user) => {
    let active = 0;
    let available = 0;
    let total = 0;
    for (const cabinet of state.cabinetsOf(user.id)) {
      const money = cabinetMoney(state, cabinet);
      active += money.active;
      available += money.available;
      total += money.total;
    }
    const eur = (amount: number) => ({ amount: round2(amount), currency: 'EUR' });
    return { status: 200, body: { active: eur(active), available: eur(available), total: eur(total) } };
  });
}
