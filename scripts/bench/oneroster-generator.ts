/**
 * A generated OneRoster 1.1 export of a large school district's school, for the import
 * benchmark: `students` pupils in classes of `classSize`, one teacher per class, 1.5 guardians per
 * pupil on average (every other pupil has two), everything linked. Deterministic for a seed.
 * `changed` renames that share of pupils with a later dateLastModified (a re-import with changes).
 */
import { seededRandom } from '../../src/domain/demo/demo-school';

export interface GeneratedRoster {
  files: Record<string, string>;
  counts: { students: number; classes: number; guardians: number; teachers: number };
}

const given = ['Ava', 'Noah', 'Maya', 'Leo', 'Zara', 'Omar', 'Isla', 'Mateo', 'Hana', 'Kai', 'Nia', 'Felix', 'Aisha', 'Ruby', 'Yusuf', 'Elsie', 'Priya', 'Ezra', 'Sofia', 'Jun'];
const family = ['Ashby', 'Bhatt', 'Carver', 'Delacroix', 'Egan', 'Fenwick', 'Garside', 'Haddad', 'Iqbal', 'Jessop', 'Kaur', 'Lindqvist', 'Mensah', 'Nakamura', 'Okonjo', 'Park', 'Quint', 'Rahman', 'Seo', 'Tennant'];

export function generateOneRoster(options: { students: number; classSize?: number; seed?: number; changed?: number }): GeneratedRoster {
  const classSize = options.classSize ?? 20;
  const rand = seededRandom(options.seed ?? 7);
  const changedShare = options.changed ?? 0;
  const classCount = Math.ceil(options.students / classSize);
  const stamp = '2026-08-01T00:00:00Z';
  const later = '2026-11-01T00:00:00Z';
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;

  const manifest = ['propertyName,value', 'manifest.version,1.0', 'oneroster.version,1.1', 'file.academicSessions,bulk', 'file.classes,bulk', 'file.courses,absent', 'file.demographics,absent', 'file.enrollments,bulk', 'file.orgs,bulk', 'file.users,bulk'];
  const orgs = ['sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId', `sch,,${stamp},Bench Primary,school,B1,`];
  const sessions = ['sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear', `t1,,${stamp},Autumn,term,2026-09-01,2026-12-18,,2027`, `t2,,${stamp},Spring,term,2027-01-05,2027-03-26,,2027`];
  const classes = ['sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods'];
  const users = ['sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password'];
  const enrollments = ['sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate'];
  let guardians = 0;
  let e = 0;
  for (let c = 0; c < classCount; c++) {
    const grade = String(1 + (c % 6)).padStart(2, '0');
    classes.push(`c${c},,${stamp},Class ${c},${grade},course,,homeroom,,sch,"t1,t2",,,`);
    users.push(`t${c},,${stamp},true,sch,teacher,t${c},,${pick(given)},${pick(family)},,,teacher${c}@bench.example,,,,,`);
    enrollments.push(`e${e++},,${stamp},c${c},sch,t${c},teacher,true,,`);
  }
  for (let s = 0; s < options.students; s++) {
    const c = Math.floor(s / classSize);
    const grade = String(1 + (c % 6)).padStart(2, '0');
    const fam = pick(family);
    const two = s % 2 === 0;
    const g1 = `g${s}a`;
    const g2 = `g${s}b`;
    const changed = changedShare > 0 && s % Math.round(1 / changedShare) === 0;
    const name = pick(given); // drawn even when overridden, so the other rows stay the same
    users.push(`s${s},,${changed ? later : stamp},true,sch,student,s${s},,${changed ? 'Renamed' : name},${fam},,,,,,"${two ? `${g1},${g2}` : g1}",${grade},`);
    users.push(`${g1},,${stamp},true,sch,parent,${g1},,${pick(given)},${fam},,,${g1}@family.example,,,s${s},,`);
    guardians++;
    if (two) {
      users.push(`${g2},,${stamp},true,sch,parent,${g2},,${pick(given)},${fam},,,${g2}@family.example,,,s${s},,`);
      guardians++;
    }
    enrollments.push(`e${e++},,${stamp},c${c},sch,s${s},student,false,,`);
  }
  const csv = (lines: string[]) => `${lines.join('\n')}\n`;
  return {
    files: {
      'manifest.csv': csv(manifest),
      'orgs.csv': csv(orgs),
      'academicSessions.csv': csv(sessions),
      'classes.csv': csv(classes),
      'users.csv': csv(users),
      'enrollments.csv': csv(enrollments),
    },
    counts: { students: options.students, classes: classCount, guardians, teachers: classCount },
  };
}
