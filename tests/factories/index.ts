/**
 * Factories for medium tests: `buildX(db, overrides)` inserts a row through the same insert
 * helpers the seed uses and returns what a test needs. Each call makes unique emails and codes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Db } from '../../src/server/db/client';
import { insert } from '../../src/server/features/demo/demo.repo';
import { hashSecret } from '../../src/server/lib/secrets';
import { picturePasswordSecret, type PasswordPictureKey } from '../../src/domain/pictures';
import type { TestClient } from '../setup/app';
import { multipart } from '../setup/multipart';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
const hashedPassword = () => (passwordHash ??= hashSecret(TEST_PASSWORD));
const unique = () => randomUUID().slice(0, 8);

export async function buildSchool(db: Db, overrides: Partial<{ name: string; timeZone: string; locale: string }> = {}) {
  const slug = `school-${unique()}`;
  const id = await insert.school(db, { name: overrides.name ?? `Test School ${slug}`, slug, timeZone: overrides.timeZone ?? 'Europe/London', locale: overrides.locale ?? 'en' });
  return { id, slug };
}

export async function buildUser(db: Db, overrides: Partial<{ givenName: string; familyName: string; email: string | null; username: string | null; preferredLocale: string | null; password: boolean }> = {}) {
  const email = overrides.email === undefined ? `person-${unique()}@test.example` : overrides.email;
  const [id] = await insert.users(db, [
    {
      givenName: overrides.givenName ?? 'Test',
      familyName: overrides.familyName ?? `Person ${unique()}`,
      email,
      username: overrides.username ?? null,
      preferredLocale: overrides.preferredLocale ?? null,
      passwordHash: overrides.password === false ? null : await hashedPassword(),
    },
  ]);
  return { id: id as string, email };
}

export async function buildStaff(db: Db, schoolId: string, role: 'admin' | 'teacher' | 'assistant', overrides: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(db, overrides);
  await insert.staffMemberships(db, [{ schoolId, userId: user.id, role }]);
  return user;
}

export async function buildClass(db: Db, schoolId: string, overrides: Partial<{ name: string; yearGroup: string; teacherIds: string[] }> = {}) {
  const classCode = `T-${unique().toUpperCase()}`;
  const [id] = await insert.classes(db, [{ schoolId, name: overrides.name ?? `Class ${classCode}`, yearGroup: overrides.yearGroup ?? 'Year 1', classCode }]);
  if (overrides.teacherIds?.length) {
    await insert.classTeachers(db, overrides.teacherIds.map((userId, i) => ({ classId: id as string, userId, role: i === 0 ? ('lead' as const) : ('co_teacher' as const) })));
  }
  return { id: id as string, classCode };
}

export async function buildStudent(
  db: Db,
  schoolId: string,
  classIds: string[],
  overrides: Partial<{ givenName: string; pictures: [PasswordPictureKey, PasswordPictureKey]; username: string; preferredLocale: string; yearGroup: string; gradeLevel: number }> = {},
) {
  const user = await buildUser(db, { givenName: overrides.givenName ?? 'Child', email: null, username: overrides.username ?? null, password: Boolean(overrides.username) });
  const pictures = overrides.pictures ?? (['cat', 'sun'] as [PasswordPictureKey, PasswordPictureKey]);
  const [id] = await insert.students(db, [
    { schoolId, userId: user.id, yearGroup: overrides.yearGroup ?? 'Year 1', gradeLevel: overrides.gradeLevel ?? 1, keyStage: 'KS1', avatar: 'fox', picturePasswordHash: await hashSecret(picturePasswordSecret(pictures)) },
  ]);
  if (classIds.length) await insert.enrollments(db, classIds.map((classId) => ({ classId, studentId: id as string })));
  return { id: id as string, userId: user.id, pictures, username: overrides.username ?? null };
}

export async function buildGuardian(
  db: Db,
  studentIds: string[],
  overrides: Parameters<typeof buildUser>[1] & { attendsSeparately?: boolean; relationship?: string } = {},
) {
  const user = await buildUser(db, overrides);
  const [guardianId] = await insert.guardians(db, [{ userId: user.id, phone: null }]);
  if (studentIds.length) {
    await insert.guardianStudents(
      db,
      studentIds.map((studentId) => ({ guardianId: guardianId as string, studentId, relationship: overrides.relationship ?? 'parent', attendsSeparately: overrides.attendsSeparately ?? false })),
    );
  }
  return { ...user, guardianId: guardianId as string };
}

/**
 * The people of the authorization matrix, in two schools: Ana (the child) is in class A taught by
 * teacherA; her guardian is guardianA. Ben is in class B (same school) with guardianB and teacherB.
 * Cleo is in class A too (another student). A second school has its own admin.
 */
export async function buildWorld(db: Db) {
  const school = await buildSchool(db);
  const otherSchool = await buildSchool(db);
  const admin = await buildStaff(db, school.id, 'admin');
  const teacherA = await buildStaff(db, school.id, 'teacher');
  const teacherB = await buildStaff(db, school.id, 'teacher');
  const classA = await buildClass(db, school.id, { teacherIds: [teacherA.id] });
  const classB = await buildClass(db, school.id, { teacherIds: [teacherB.id] });
  const ana = await buildStudent(db, school.id, [classA.id], { givenName: 'Ana', pictures: ['moon', 'fish'] });
  const cleo = await buildStudent(db, school.id, [classA.id], { givenName: 'Cleo' });
  const ben = await buildStudent(db, school.id, [classB.id], { givenName: 'Ben' });
  const guardianA = await buildGuardian(db, [ana.id], { givenName: 'Luis' });
  const guardianB = await buildGuardian(db, [ben.id]);
  const otherAdmin = await buildStaff(db, otherSchool.id, 'admin');
  const otherClass = await buildClass(db, otherSchool.id, { teacherIds: [otherAdmin.id] });
  return { school, otherSchool, admin, teacherA, teacherB, classA, classB, ana, cleo, ben, guardianA, guardianB, otherAdmin, otherClass };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

// ---- portfolio: files as phones and browsers send them, and uploading them

/** XMP as a photo editor writes it (the photographer's name). */
const XMP_PACKET =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Test Parent</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/** Puts an IPTC caption (an APP13 "Photoshop 3.0" segment) right after a JPEG's start marker; sharp cannot write IPTC itself. */
function withIptc(jpeg: Buffer, caption: string): Buffer {
  const text = Buffer.from(caption, 'utf8');
  const iptc = Buffer.concat([Buffer.from([0x1c, 0x02, 0x78, text.length >> 8, text.length & 0xff]), text]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, iptc, Buffer.alloc(iptc.length % 2)]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xed]), length, body, jpeg.subarray(2)]);
}

/**
 * A photo as a phone sends it: 400×200 pixels stored sideways (EXIF Orientation 6: it stands up
 * 200×400 once turned), with the camera's make, a GPS position, XMP, an IPTC caption and an ICC profile.
 */
export async function phonePhoto(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' } })
    .withMetadata({ orientation: 6 })
    .withXmp(XMP_PACKET)
    .toBuffer();
  return withIptc(jpeg, 'Taken at 12 Elm Street');
}

/** A small plain image (no metadata), for posts that only need some photo. */
export function plainPng(width = 24, height = 16): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#36c' } }).png().toBuffer();
}

/** A JPEG of random pixels, which does not compress: about `width × height` bytes or more, for size limits. */
export function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
}

/** A short mono 8-bit WAV recording ("RIFF….WAVE", a fmt chunk, then `samples` bytes of a tone). */
export function wavRecording(samples = 800): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples, 40);
  const data = Buffer.from(Array.from({ length: samples }, (_, i) => Math.round(128 + 100 * Math.sin(i / 4))));
  return Buffer.concat([header, data]);
}

/**
 * The tag numbers in an EXIF block (as sharp's `metadata().exif` gives it): those of IFD0 and of the
 * GPS IFD. A few lines of TIFF reading, enough to show that a GPS position is there (tags 1–4).
 */
export function exifTags(exif: Buffer): { ifd0: number[]; gps: number[] } {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (at: number) => Array.from({ length: u16(at) }, (_, i) => ({ tag: u16(at + 2 + i * 12), value: u32(at + 2 + i * 12 + 8) }));
  const ifd0 = entries(u32(4));
  const gpsAt = ifd0.find((e) => e.tag === 0x8825)?.value;
  return { ifd0: ifd0.map((e) => e.tag), gps: gpsAt === undefined ? [] : entries(gpsAt).map((e) => e.tag) };
}

/** Uploads one file as a page does (multipart field `file`) and returns the response. */
export function uploadFile(client: TestClient, schoolId: string, file: { filename: string; content: Buffer | string; type?: string }, query = '') {
  const body = multipart([{ name: 'file', filename: file.filename, content: file.content, type: file.type ?? 'application/octet-stream' }]);
  return client.request({ method: 'POST', url: `/api/schools/${schoolId}/media${query}`, ...body });
}

/** Uploads one file and returns its media id (failing the test unless it was taken). */
export async function uploadedMedia(client: TestClient, schoolId: string, file: { filename: string; content: Buffer | string; type?: string }): Promise<string> {
  const res = await uploadFile(client, schoolId, file);
  if (res.statusCode !== 201) throw new Error(`upload of ${file.filename} answered ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}
