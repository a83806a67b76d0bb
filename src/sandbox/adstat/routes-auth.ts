/** `POST /api/v2/login` (form data) and `GET /api/v2/access-token` (refresh). */
import type { AdstatContext } from './context.js';
import { isForm, parseForm } from './multipart.js';
import { detail, validationError, type Issue } from './validation.js';

export function registerAuthRoutes({ router, state, tokens }: AdstatContext): void {
  router.public('POST', '/api/v2/login', async (req) => {
    const fields = new Map<string, string>();
    // A JSON body is not form data: FastAPI then finds neither form field (422 "Field required").
    if (isForm(req.headers)) {
      const parsed = await parseForm(req.raw, {
        limits: { fields: 20, fieldSize: 4096, files: 0 },
        onField: (name, value) => fields.set(name, value),
      });
      if (!parsed.ok) return detail(400, 'There was an error parsing the body');
    }
    const issues: Issue[] = [];
    for (const name of ['username', 'password']) {
      if (!fields.has(name)) issues.push({ loc: ['body', name], msg: 'Field required', type: 'missing' });
    }
    if (issues.length > 0) return validationError(issues);
    const user = state.userByName(fields.get('username')!);
    if (!user || user.password !== fields.get('password')) return detail(401, 'Incorrect username or password');
    return {
      status: 200,
      body: { user_id: user.id, access_token: tokens.issueAccess(user.id), refresh_token: tokens.issueRefresh(user.id) },
    };
  });

  router.public('GET', '/api/v2/access-token', (req) => {
    const header = req.headers['refresh_token'];
    const token = Array.isArray(header) ? header[0] : header;
    if (token === undefined || token === '') {
      return validationError([{ loc: ['header', 'refresh_token'], msg: 'Field required', type: 'missing' }]);
    }
    const check = tokens.checkRefresh(token);
    if (!check.ok) {
      const message = check.reason === 'expired' ? 'Refresh Token Expired' : 'Invalid refresh token';
      return { status: 401, body: { detail: message, status_code: 401 } };
    }
    return { status: 200, body: { access_token: tokens.issueAccess(check.userId), token_type: 'Bearer' } };
  });
}
