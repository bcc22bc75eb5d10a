import type { ApiHandlers } from './dispatch';
import type { HandlerContext } from './handler-context';

type AuthHandlers = Pick<
  ApiHandlers,
  'auth.status' | 'auth.signIn' | 'auth.cancelSignIn' | 'auth.signOut'
>;

export function authHandlers({ deps, live }: HandlerContext): AuthHandlers {
  return {
    'auth.status': async () => ({ account: await live.current(), signingIn: live.signingIn }),
    'auth.signIn': (request, context) =>
      live.start(request, (prompt) => context.emit('auth.deviceCode', prompt), deps.clock),
    'auth.cancelSignIn': async () => {
      live.cancel();
      return null;
    },
    'auth.signOut': async () => {
      await live.signOut();
      return null;
    },
  };
}
