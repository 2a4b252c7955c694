/**
 * Standards for medium tests: a CASE 1.1 package sketched as a tree of codings and statements
 * (valid against the official schema), and uploading a package as the import page does.
 */
import { randomUUID } from 'node:crypto';
import type { TestClient } from '../setup/app';
import { multipart } from '../setup/multipart';

export interface Sketch {
  /** "Y1.W.1"; also the key to find the item's identifier by. */
  code: string;
  statement?: string;
  /** Fixed identifiers of the item and of its isChildOf association (else fresh UUIDs). */
  identifier?: string;
  link?: string;
  sequenceNumber?: number;
  children?: Sketch[];
}

export interface SketchedPackage {
  json: Record<string, unknown>;
  text: string;
  documentIdentifier: string;
  /** code → item identifier. */
  ids: Map<string, string>;
}

const WHEN = '2026-01-15T09:30:00+00:00';

/** A CFPackage with a document and the sketched items, each isChildOf its parent (or the document). */
export function sketchPackage(o: { title?: string; identifier?: string; items: Sketch[]; lastChangeDateTime?: string }): SketchedPackage {
  const documentIdentifier = o.identifier ?? randomUUID();
  const ids = new Map<string, string>();
  const items: Array<Record<string, unknown>> = [];
  const associations: Array<Record<string, unknown>> = [];
  const when = o.lastChangeDateTime ?? WHEN;
  const title = o.title ?? 'Test framework';
  const walk = (list: Sketch[], parent: { identifier: string; title: string }) => {
    for (const s of list) {
      const identifier = s.identifier ?? randomUUID();
      ids.set(s.code, identifier);
      items.push({ identifier, uri: `https://case.test/CFItems/${identifier}`, humanCodingScheme: s.code, fullStatement: s.statement ?? `Statement ${s.code}`, lastChangeDateTime: when });
      const assocId = s.link ?? randomUUID();
      associations.push({
        identifier: assocId,
        uri: `https://case.test/CFAssociations/${assocId}`,
        associationType: 'isChildOf',
        originNodeURI: { title: s.code, identifier, uri: `https://case.test/CFItems/${identifier}` },
        destinationNodeURI: { title: parent.title, identifier: parent.identifier, uri: `https://case.test/x/${parent.identifier}` },
        ...(s.sequenceNumber !== undefined ? { sequenceNumber: s.sequenceNumber } : {}),
        lastChangeDateTime: when,
      });
      walk(s.children ?? [], { identifier, title: s.code });
    }
  };
  walk(o.items, { identifier: documentIdentifier, title });
  const json = {
    CFDocument: { identifier: documentIdentifier, uri: `https://case.test/CFDocuments/${documentIdentifier}`, caseVersion: '1.1', creator: 'Confer tests', title, lastChangeDateTime: when },
    CFItems: items,
    CFAssociations: associations,
  };
  return { json, text: JSON.stringify(json), documentIdentifier, ids };
}

/** Uploads a package to the import route as the page does (multipart field `file`). */
export function importPackage(client: TestClient, schoolId: string, content: string | Buffer, filename = 'framework.json') {
  return client.request({ method: 'POST', url: `/api/schools/${schoolId}/standards/imports`, ...multipart([{ name: 'file', filename, content, type: 'application/json' }]) });
}
