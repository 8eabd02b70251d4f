// Mints a development token: `npm run token -- --sub u-li-ming` (a demo user's roles and
// organisation) or `npm run token -- --sub e-17 --role expert [--role admin] [--org org-id]`.
// Signs with JWT_SECRET, as the API verifies (the development default when unset). It reads
// nothing else of the API's configuration, so it runs without Temporal's modules.
import { parseArgs } from 'node:util';
import { mintToken } from '../api/auth/tokens';
import { ROLES, type Role } from '../domain/types';
import { users } from './seed/demo-data';
import { DEV_JWT_SECRET } from '../config/env';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    role: { type: 'string', multiple: true },
    org: { type: 'string' },
    expires: { type: 'string', default: '30d' },
  },
});
if (!values.sub) {
  console.error('usage: npm run token -- --sub <user id> [--role <role>]… [--org <organisation id>]');
  process.exit(2);
}
const demo = users.find((u) => u.id === values.sub);
const roles = (values.role ?? demo?.roles ?? []) as Role[];
const unknown = roles.filter((r) => !ROLES.includes(r));
if (!roles.length || unknown.length) {
  console.error(`roles must be among ${ROLES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  process.exit(2);
}
const organisationId = values.org ?? demo?.organisationId;
console.log(await mintToken({ id: values.sub, roles, ...(organisationId ? { organisationId } : {}) }, process.env.JWT_SECRET || DEV_JWT_SECRET, values.expires));
