import { randomToken } from './tokens.js';
import type { Provider } from './settings.js';

/** One OAuth login between /authorize and /callback, kept on the server; the state names it. */
export interface OAuthFlow {
  provider: Provider;
  inviteToken?: string;
  /** The page to return to: the same-origin Referer of /authorize. */
  referrer?: string;
  expiresAt: number;
}

export interface ProviderProfile {
  email: string;
  name: string;
}

// GoTrue signs its state for five minutes.
const FLOW_LIFETIME_MS = 5 * 60 * 1000;

export class OAuthFlows {
  private readonly flows = new Map<string, OAuthFlow>();
  private readonly codes = new Map<string, { state: string; profile: ProviderProfile }>();

  constructor(private readonly clock: () => number) {}

  begin(flow: Omit<OAuthFlow, 'expiresAt'>): string {
    this.dropExpired();
    const state = randomToken();
    this.flows.set(state, { ...flow, expiresAt: this.clock() + FLOW_LIFETIME_MS });
    return state;
  }

  /** The flow, while it is still open (the consent page reads it without closing it). */
  peek(state: string): OAuthFlow | undefined {
    const flow = this.flows.get(state);
    return flow && flow.expiresAt >= this.clock() ? flow : undefined;
  }

  /** What the stand-in provider hands back on "Allow": a one-time code for this flow. */
  grant(state: string, profile: ProviderProfile): string {
    const code = randomToken();
    this.codes.set(code, { state, profile });
    return code;
  }

  /** Closes the flow: a state is good for one callback. */
  finish(state: string): OAuthFlow | undefined {
    const flow = this.peek(state);
    this.flows.delete(state);
    return flow;
  }

  /** The profile behind a code issued for this state; each code works once. */
  exchange(code: string, state: string): ProviderProfile | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant?.state === state ? grant.profile : undefined;
  }

  clear(): void {
    this.flows.clear();
    this.codes.clear();
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [state, flow] of this.flows) if (flow.expiresAt < now) this.flows.delete(state);
    for (const [code, grant] of this.codes)
      if (!this.flows.has(grant.state)) this.codes.delete(code);
  }
}
