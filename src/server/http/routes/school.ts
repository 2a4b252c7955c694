import QRCode from 'qrcode';
import { classDetail, classSignInCard, errorBody, idParam, school, studentDetail } from '../../../contracts/api';
import type { Deps } from '../../deps';
import { getClass, getSchool, getStudent } from '../../features/school/read-school';
import type { TypedApp } from '../app';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export function registerSchoolRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/schools/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['school'], summary: 'A school', params: idParam, response: { 200: school, ...errors } } },
    (req) => getSchool(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/classes/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['school'], summary: 'A class with its teachers and children', params: idParam, response: { 200: classDetail, ...errors } } },
    (req) => getClass(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/classes/:id/sign-in-card',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['school'], summary: "The class's code and QR code for children's picture sign-in (to print)", params: idParam, response: { 200: classSignInCard, ...errors } },
    },
    async (req) => {
      const klass = await getClass(deps, req.actor, req.params.id);
      const url = `${deps.config.publicUrl}/sign-in/class?code=${encodeURIComponent(klass.classCode)}`;
      const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { className: klass.name, classCode: klass.classCode, url, qrSvg };
    },
  );

  app.get(
    '/api/students/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['school'], summary: 'A child: classes, teachers and (for staff and family) guardians', params: idParam, response: { 200: studentDetail, ...errors } },
    },
    (req) => getStudent(deps, req.actor, req.params.id),
  );
}
