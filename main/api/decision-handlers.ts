import { ApiError } from '../../shared/api/contract';
import { catalogMeta } from '../engine/catalog';
import type { ApiHandlers } from './dispatch';
import type { HandlerContext } from './handler-context';
import { tenantOrNotFound } from './tenant-handlers';
import { plainErrors } from './to-api-error';

type DecisionHandlers = Pick<
  ApiHandlers,
  'decisions.set' | 'decisions.clear' | 'decisions.audit' | 'progress.setStep' | 'notes.set'
>;

/** When nobody is signed in we cannot know who decided; the audit trail says exactly that. */
export const LOCAL_ACTOR = 'Someone on this computer (not signed in)';

function checkOrBadRequest(checkId: string) {
  const check = catalogMeta().find((c) => c.id === checkId);
  if (!check) throw new ApiError('bad_request', `There is no check ${checkId} in this version.`);
  return check;
}

export function decisionHandlers({ deps, live }: HandlerContext): DecisionHandlers {
  const { store } = deps;

  const actor = async (): Promise<string> => {
    const account = await live.current().catch(() => null);
    // An app signed in with a certificate is not a person: the decision is this computer's.
    if (!account || account.kind === 'app') return deps.localActor ?? LOCAL_ACTOR;
    return account.name ? `${account.name} (${account.username})` : account.username;
  };

  return {
    'decisions.set': ({ tenantId, checkId, decision }) =>
      plainErrors(async () => {
        checkOrBadRequest(checkId);
        await tenantOrNotFound(store, tenantId);
        const now = deps.clock();
        await store.setDecision(tenantId, checkId, decision, await actor(), now);
        const saved = (await store.decisions(tenantId, now)).find((d) => d.checkId === checkId);
        if (!saved) throw new ApiError('storage', 'The decision could not be saved. Try again.');
        return saved;
      }),

    'decisions.clear': ({ tenantId, checkId }) =>
      plainErrors(async () => {
        checkOrBadRequest(checkId);
        await tenantOrNotFound(store, tenantId);
        const now = deps.clock();
        const existing = (await store.decisions(tenantId, now)).some((d) => d.checkId === checkId);
        if (existing) await store.setDecision(tenantId, checkId, null, await actor(), now);
        return null;
      }),

    'decisions.audit': ({ tenantId }) =>
      plainErrors(async () => {
        await tenantOrNotFound(store, tenantId);
        return store.decisionAudit(tenantId);
      }),

    'progress.setStep': ({ tenantId, checkId, step, done }) =>
      plainErrors(async () => {
        const check = checkOrBadRequest(checkId);
        if (step > check.content.steps.length) {
          throw new ApiError(
            'bad_request',
            `${checkId} has ${check.content.steps.length} steps, not ${step}.`,
          );
        }
        await tenantOrNotFound(store, tenantId);
        await store.setStepDone(tenantId, checkId, step, done, deps.clock());
        return null;
      }),

    'notes.set': ({ tenantId, checkId, text }) =>
      plainErrors(async () => {
        checkOrBadRequest(checkId);
        await tenantOrNotFound(store, tenantId);
        await store.setNote(tenantId, checkId, text, deps.clock());
        return null;
      }),
  };
}
