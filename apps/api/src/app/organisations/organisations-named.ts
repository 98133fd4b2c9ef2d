import { OrganisationRecord } from '@socium/api-persistence';

import { EntityManager } from '@mikro-orm/core';

import { rareTrigrams, readPlain, textSearch } from '../common/crud.support';

/** At most this many organisations matched by name widen a search of agreements or activities (more is a typo). */
const PARTY_MATCHES = 500;

/** Ids of the organisations whose name or short name contains `text`: the parties a list's search also looks for. */
export async function organisationsNamed(em: EntityManager, text: string): Promise<string[]> {
  const rare = await rareTrigrams(em, 'organisation', ['name', 'shortName'], text);
  const found = await readPlain(
    em,
    OrganisationRecord,
    { $or: textSearch<OrganisationRecord, 'organisation'>('organisation', ['name', 'shortName'], text, { rare }) },
    { fields: ['id'], limit: PARTY_MATCHES },
  );
  return found.map((o) => o.id);
}
