import { confirm, isExpired, validateEmail } from '../accounts.js';
import type { Handler, RequestContext, Route, Services } from '../context.js';
import { HttpError, apiError, readForm, redirect, html } from '../http.js';
import { CONSENT_PATH, PROVIDER_NAMES, renderAvatar, renderConsentPage } from '../oauth-consent.js';
import type { OAuthFlow, ProviderProfile } from '../oauth-flows.js';
import { IDENTITY_PATH } from '../paths.js';
import { startSession } from '../sessions.js';
import { type Provider, isProvider } from '../settings.js';
import { type UserRecord, mergeMetadata } from '../users.js';

function enabledProvider(services: Services, name: string): Provider {
  const provider = name.toLowerCase();
  if (!isProvider(provider)) {
    throw apiError(400, `Unsupported provider: Provider ${provider} could not be found`);
  }
  if (!services.settings.external[provider])
    throw apiError(400, 'Unsupported provider: Provider is not enabled');
  return provider;
}

/** GoTrue returns to the page the login started from, when that page is on this site. */
function sameSiteReferrer(ctx: RequestContext): string | undefined {
  const referer = ctx.req.headers.referer;
  if (!referer || !URL.canParse(referer)) return undefined;
  const url = new URL(referer);
  if (url.origin !== ctx.origin && url.origin !== ctx.siteOrigin) return undefined;
  url.hash = '';
  return url.href;
}

const authorize: Handler = async (ctx, services) => {
  const provider = enabledProvider(services, ctx.url.searchParams.get('provider') ?? '');
  const inviteToken = ctx.url.searchParams.get('invite_token') || undefined;
  if (inviteToken) {
    const invited = services.users.findByToken('confirmationToken', inviteToken);
    if (!invited) throw apiError(404, 'User not found');
    if (isExpired(services, invited.confirmationExpiresAt))
      throw apiError(422, 'Confirmation token expired');
  }
  const state = services.oauth.begin({ provider, inviteToken, referrer: sameSiteReferrer(ctx) });
  return redirect(`${CONSENT_PATH}?${new URLSearchParams({ state })}`);
};

function avatarUrl(ctx: RequestContext, name: string): string {
  return `${ctx.origin}${IDENTITY_PATH}/__provider/avatar.svg?${new URLSearchParams({ name })}`;
}

function openFlow(services: Services, state: string): OAuthFlow {
  const flow = services.oauth.peek(state);
  if (!flow) throw apiError(400, 'OAuth state is invalid: unknown or expired state');
  return flow;
}

function renderConsent(
  ctx: RequestContext,
  flow: OAuthFlow,
  state: string,
  profile: ProviderProfile,
  error?: string,
) {
  return renderConsentPage({
    provider: flow.provider,
    state,
    email: profile.email,
    name: profile.name,
    siteHost: new URL(ctx.siteOrigin).host,
    avatarUrl: avatarUrl(ctx, profile.name),
    error,
  });
}

/** Who the stand-in provider suggests: the invited person, or a made-up account of that provider. */
function suggestedProfile(services: Services, flow: OAuthFlow): ProviderProfile {
  const invited =
    flow.inviteToken && services.users.findByToken('confirmationToken', flow.inviteToken);
  if (invited) {
    const name = invited.userMetadata?.full_name;
    return {
      email: invited.email,
      name: typeof name === 'string' ? name : invited.email.split('@')[0]!,
    };
  }
  return {
    email: `${flow.provider}-user@example.com`,
    name: `${PROVIDER_NAMES[flow.provider]} User`,
  };
}

const showConsent: Handler = async (ctx, services) => {
  const state = ctx.url.searchParams.get('state') ?? '';
  const flow = openFlow(services, state);
  return html(200, renderConsent(ctx, flow, state, suggestedProfile(services, flow)));
};

/** Allow or Deny: back to /callback the way a real provider returns, with a code or an error. */
const answerConsent: Handler = async (ctx, services) => {
  const form = await readForm(ctx.req);
  const state = form.get('state') ?? '';
  const flow = openFlow(services, state);
  const callback = `${IDENTITY_PATH}/callback`;
  if (form.get('decision') !== 'allow') {
    const query = new URLSearchParams({
      error: 'access_denied',
      error_description: `The user has denied your application access.`,
      state,
    });
    return redirect(`${callback}?${query}`);
  }
  const profile = {
    email: (form.get('email') ?? '').trim(),
    name: (form.get('name') ?? '').trim(),
  };
  try {
    validateEmail(profile.email);
  } catch (error) {
    const message = error instanceof HttpError ? error.message : String(error);
    return html(422, renderConsent(ctx, flow, state, profile, message));
  }
  const code = services.oauth.grant(state, profile);
  return redirect(`${callback}?${new URLSearchParams({ code, state })}`);
};

const avatar: Handler = async (ctx) => {
  return {
    status: 200,
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' },
    body: renderAvatar(ctx.url.searchParams.get('name') ?? ''),
  };
};

// GoTrue's mapping from an error status to an OAuth error code in the return URL.
const OAUTH_ERROR_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
  503: 'temporarily_unavailable',
};

function errorFragment(error: HttpError): string {
  const providerError = error.body.error;
  return new URLSearchParams({
    error:
      typeof providerError === 'string'
        ? providerError
        : (OAUTH_ERROR_CODES[error.status] ?? 'server_error'),
    error_description: String(error.body.error_description ?? error.body.msg ?? ''),
  }).toString();
}

function acceptInvite(services: Services, flow: OAuthFlow, profile: ProviderProfile): UserRecord {
  const user = services.users.findByToken('confirmationToken', flow.inviteToken!);
  if (!user) throw apiError(404, 'User not found');
  if (user.email.toLowerCase() !== profile.email.toLowerCase()) {
    throw apiError(400, 'Invited email does not match email from external provider');
  }
  user.appMetadata = { ...user.appMetadata, provider: flow.provider };
  return user;
}

/** An existing user logs in; a new one signs up (the site's functions hear either). */
async function findOrSignUp(
  ctx: RequestContext,
  services: Services,
  flow: OAuthFlow,
  profile: ProviderProfile,
): Promise<UserRecord> {
  const existing = services.users.findByEmail(profile.email);
  if (existing) {
    await services.events.login(ctx, existing);
    return existing;
  }
  if (services.settings.disable_signup)
    throw apiError(403, 'Signups not allowed for this instance');
  const fields = await services.events.validate(
    ctx,
    {
      email: profile.email,
      appMetadata: { provider: flow.provider },
      userMetadata: providerMetadata(ctx, profile),
    },
    flow.provider,
  );
  if (services.users.findByEmail(profile.email)) {
    throw apiError(400, 'A user with this email address has already been registered');
  }
  const user = services.users.create(fields);
  await services.events.signup(ctx, user, flow.provider).catch((error: unknown) => {
    services.users.delete(user.id);
    throw error;
  });
  return user;
}

function providerMetadata(ctx: RequestContext, profile: ProviderProfile): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    avatar_url: avatarUrl(ctx, profile.name || profile.email),
  };
  if (profile.name) metadata.full_name = profile.name;
  return metadata;
}

const callback: Handler = async (ctx, services) => {
  const query = ctx.url.searchParams;
  const state = query.get('state');
  if (!state) throw apiError(400, 'OAuth state parameter missing');
  const flow = services.oauth.finish(state);
  if (!flow) throw apiError(400, 'OAuth state is invalid: unknown or expired state');
  const returnTo = flow.referrer ?? `${ctx.siteOrigin}/`;

  try {
    const providerError = query.get('error');
    if (providerError) {
      throw new HttpError(400, {
        error: providerError,
        error_description: query.get('error_description') ?? '',
      });
    }
    const code = query.get('code');
    if (!code) throw apiError(400, 'Authorization code missing');
    const profile = services.oauth.exchange(code, state);
    if (!profile) throw apiError(500, `Unable to exchange external code: ${code}`);
    enabledProvider(services, flow.provider);

    let user: UserRecord;
    if (flow.inviteToken) {
      user = acceptInvite(services, flow, profile);
      user.userMetadata = mergeMetadata(user.userMetadata, providerMetadata(ctx, profile));
      await services.events.signup(ctx, user, flow.provider);
    } else {
      user = await findOrSignUp(ctx, services, flow, profile);
    }
    // The provider vouches for the address, so the user is confirmed (an invite is used up).
    confirm(services, user);
    const session = await startSession(services, user);
    const fragment = new URLSearchParams({
      access_token: session.access_token,
      expires_in: String(session.expires_in),
      refresh_token: session.refresh_token,
      token_type: session.token_type,
    });
    return redirect(`${returnTo}#${fragment}`);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return redirect(`${returnTo}#${errorFragment(error)}`);
  }
};

export const oauthRoutes: Route[] = [
  { method: 'GET', path: '/authorize', handler: authorize },
  { method: 'GET', path: '/callback', handler: callback },
  { method: 'GET', path: '/__provider/consent', handler: showConsent },
  { method: 'POST', path: '/__provider/consent', handler: answerConsent },
  { method: 'GET', path: '/__provider/avatar.svg', handler: avatar },
];
