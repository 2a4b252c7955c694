import { errorBody, me, myChildren, myClasses, updateMe as updateMeBody } from '../../../contracts/api';
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { describeMe } from '../../features/identity/describe-me';
import { updateMe } from '../../features/identity/update-me';
import { listMyChildren, listMyClasses } from '../../features/school/read-school';
import type { TypedApp } from '../app';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

export function registerMeRoutes(app: TypedApp, deps: Deps): void {
  app.get('/api/me', { config: { access: 'signed-in' }, schema: { tags: ['me'], summary: 'The signed-in person', response: { 200: me, ...errors } } }, async (req) => {
    if (req.actor.kind !== 'user' || !req.user) throw new DomainError('unauthenticated');
    return describeMe(deps, req.actor, req.user);
  });

  app.patch(
    '/api/me',
    { config: { access: 'signed-in' }, schema: { tags: ['me'], summary: "Change one's own settings (language)", body: updateMeBody, response: { 200: me, ...errors } } },
    async (req) => {
      if (req.actor.kind !== 'user') throw new DomainError('unauthenticated');
      return updateMe(deps, req.actor, req.body);
    },
  );

  app.get(
    '/api/me/classes',
    { config: { access: 'signed-in' }, schema: { tags: ['me'], summary: 'Classes I teach (and, for admins, the rest of the school)', response: { 200: myClasses, ...errors } } },
    (req) => listMyClasses(deps, req.actor),
  );

  app.get(
    '/api/me/children',
    { config: { access: 'signed-in' }, schema: { tags: ['me'], summary: 'My children, with their classes and teachers', response: { 200: myChildren, ...errors } } },
    async (req) => ({ children: await listMyChildren(deps, req.actor) }),
  );
}
