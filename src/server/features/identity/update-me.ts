import type { UserActor } from '../../../domain/permissions/index';
import type { LocaleTag } from '../../../contracts/locales';
import type { Deps } from '../../deps';
import { updateUserLocale } from './identity.repo';
import { describeUser } from './describe-me';
import type { Me } from '../../../contracts/api';

/** A person's own settings: for now the language they read Confer (and its emails) in. */
export async function updateMe(deps: Deps, actor: UserActor, input: { preferredLocale: LocaleTag | null }): Promise<Me> {
  await updateUserLocale(deps.db, actor.userId, input.preferredLocale);
  return describeUser(deps, actor.userId);
}
