import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HttpError, apiError } from '../http.js';
import { readNetlifyConfig } from '../netlify-config.js';
import type { IdentityAppOptions } from '../options.js';
import { IDENTITY_PATH } from '../paths.js';
import { type NewUser, type UserRecord, userJson } from '../users.js';
import {
  type EventFunction,
  HANDLER_METHODS,
  type IdentityEventName,
  allEventFunctions,
  eventFunctions,
} from './files.js';
import { FunctionRunner, type RunOutcome, firstLine } from './runner.js';

/** What an event call needs to know about the request that caused it. */
export interface EventRequest {
  /** The site's origin: functions get the Identity URL under it. */
  siteOrigin: string;
}

const ACTIONS: Record<IdentityEventName, string> = {
  validate: 'Signup',
  signup: 'Signup',
  login: 'Login',
  modified: 'This change',
  deleted: 'Deleting the user',
};

/** The parsed user a handler object receives: @netlify/identity's `User` shape. */
export function handlerUser(user: UserRecord): Record<string, unknown> {
  const meta = user.userMetadata ?? {};
  const roles = user.appMetadata.roles;
  return {
    id: user.id,
    email: user.email,
    confirmedAt: user.confirmedAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    role: user.role || undefined,
    provider: user.appMetadata.provider,
    name: meta.full_name ?? meta.name,
    pictureUrl: meta.avatar_url,
    roles: Array.isArray(roles) ? roles : undefined,
    invitedAt: user.invitedAt,
    confirmationSentAt: user.confirmationSentAt,
    recoverySentAt: user.recoverySentAt,
    pendingEmail: user.newEmail,
    emailChangeSentAt: user.emailChangeSentAt,
    lastSignInAt: user.lastSignInAt,
    userMetadata: user.userMetadata ?? {},
    appMetadata: user.appMetadata,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Plays the platform's part for Identity event functions: finds them in the site's functions
 * folder on each event, runs them one after the other (by name), applies what they return and
 * refuses the action when one blocks, fails or denies.
 */
export class IdentityEvents {
  private readonly runner: FunctionRunner;
  private readonly instanceId = randomUUID();

  constructor(
    /** The functions folder, or undefined when the site has none. */
    readonly directory: string | undefined,
    private readonly operatorToken: string,
    private readonly log: (line: string) => void,
    private readonly logError: (line: string) => void,
    cacheDir: string,
    timeoutMs: number,
  ) {
    this.runner = new FunctionRunner({ cacheDir, timeoutMs, log, logError });
  }

  /**
   * A new email signup, before the account exists: returns the fields to create it with (a
   * function may have changed its metadata).
   */
  async validate(request: EventRequest, fields: NewUser, provider = 'email'): Promise<NewUser> {
    const now = new Date().toISOString();
    const draft: UserRecord = {
      id: randomUUID(),
      aud: '',
      role: fields.role ?? '',
      email: fields.email,
      appMetadata: { provider, ...fields.appMetadata },
      userMetadata: fields.userMetadata ?? null,
      createdAt: now,
      updatedAt: now,
    };
    // The file-named kind hears email signups only; handler objects hear providers too.
    await this.dispatch('validate', request, draft, provider === 'email');
    return { ...fields, appMetadata: draft.appMetadata, userMetadata: draft.userMetadata };
  }

  /** A user is signing up: email (confirmed, or autoconfirm), or an external provider. */
  signup(request: EventRequest, user: UserRecord, provider: string): Promise<void> {
    return this.dispatch('signup', request, user, provider === 'email');
  }

  /** A user is logging in; what the functions return is in the tokens issued next. */
  login(request: EventRequest, user: UserRecord): Promise<void> {
    return this.dispatch('login', request, user, true);
  }

  /** A profile is about to change: `preview` is the user as it would be saved. */
  modified(request: EventRequest, preview: UserRecord): Promise<void> {
    return this.dispatch('modified', request, preview, false);
  }

  /** A user was deleted: a notification, so nothing waits for it and nothing it says counts. */
  deleted(request: EventRequest, user: UserRecord): void {
    this.dispatch('deleted', request, user, false).catch((error: unknown) =>
      this.logError(`[identity] userDeleted: ${(error as Error).message}`),
    );
  }

  /** Loads every event function once, so a broken one is named at start rather than at signup. */
  async check(): Promise<void> {
    const functions = allEventFunctions(this.directory);
    await Promise.all(
      functions.map(async (fn) => {
        const outcome = await this.runner.run(fn, {
          kind: 'check',
          siteOrigin: 'http://localhost',
          identity: { url: `http://localhost${IDENTITY_PATH}`, token: '' },
        });
        if (outcome.type === 'error') this.reportBroken(fn, outcome);
      }),
    );
    if (functions.length > 0) {
      this.log(
        `[identity] event functions in ${this.directory}: ${functions.map((fn) => fn.name).join(', ')}`,
      );
    }
  }

  private reportBroken(fn: EventFunction, outcome: Extract<RunOutcome, { type: 'error' }>): void {
    const what =
      outcome.stage === 'build' || outcome.stage === 'load' || outcome.stage === 'export'
        ? 'cannot be loaded'
        : outcome.stage === 'timeout'
          ? 'did not answer'
          : 'failed';
    this.logError(`[identity] function ${fn.name} (${fn.file}) ${what}: ${outcome.message}`);
  }

  private async dispatch(
    event: IdentityEventName,
    request: EventRequest,
    user: UserRecord,
    fileNamed: boolean,
  ): Promise<void> {
    const action = ACTIONS[event];
    const identity = {
      url: `${request.siteOrigin}${IDENTITY_PATH}`,
      token: this.operatorToken,
    };
    for (const fn of eventFunctions(this.directory, event, { fileNamed })) {
      const fileNamedCall = fn.kind === 'file-named';
      const outcome = await this.runner.run(fn, {
        kind: fn.kind,
        event,
        method: HANDLER_METHODS[event],
        payload: JSON.stringify(
          fileNamedCall
            ? { event, instance_id: this.instanceId, user: userJson(user) }
            : handlerUser(user),
        ),
        siteOrigin: request.siteOrigin,
        identity,
      });

      if (outcome.type === 'error') {
        this.reportBroken(fn, outcome);
        throw apiError(
          422,
          `${action} could not be completed: the site's ${fn.name} function ${
            outcome.stage === 'timeout'
              ? 'did not answer in time'
              : outcome.stage === 'run'
                ? `failed (${firstLine(outcome.message)})`
                : 'could not be loaded'
          }.`,
        );
      }
      if (outcome.background || outcome.skipped) continue;

      if (fileNamedCall) {
        const status = outcome.status ?? 500;
        if (![200, 202, 204].includes(status)) {
          this.log(`[identity] ${fn.name} answered ${status}: ${event} refused`);
          throw apiError(422, `${action} was refused by the site's ${fn.name} function.`);
        }
        if (status === 200 && outcome.body) this.applyFileNamedAnswer(fn, user, outcome.body);
      } else {
        if (outcome.denied) {
          this.log(`[identity] ${fn.name} denied ${event} for ${user.email}`);
          throw apiError(401, outcome.reason || `${action} was denied by the site.`);
        }
        if (outcome.user) this.applyHandlerAnswer(fn, user, outcome.user);
      }
    }
  }

  /** GoTrue replaces each metadata object the answer carries (it does not merge). */
  private applyFileNamedAnswer(fn: EventFunction, user: UserRecord, body: string): void {
    let answer: unknown;
    try {
      answer = JSON.parse(body);
    } catch {
      this.logError(`[identity] ${fn.name} answered 200 with a body that is not JSON: ${body}`);
      throw new HttpError(500, {
        code: 500,
        msg: `The site's ${fn.name} function returned malformed JSON.`,
        error_id: randomUUID(),
      });
    }
    if (!isObject(answer)) return;
    if (isObject(answer.app_metadata)) user.appMetadata = answer.app_metadata;
    if (isObject(answer.user_metadata)) user.userMetadata = answer.user_metadata;
  }

  /**
   * As Netlify's function bootstrap turns a returned user back into GoTrue's: its `roles`,
   * `provider`, `name` and `pictureUrl` win over the same keys in the metadata objects.
   */
  private applyHandlerAnswer(fn: EventFunction, user: UserRecord, json: string): void {
    const answer: unknown = JSON.parse(json);
    if (!isObject(answer)) {
      this.logError(`[identity] ${fn.name} returned a user that is not an object; ignored`);
      return;
    }
    const appMetadata = { ...(isObject(answer.appMetadata) ? answer.appMetadata : {}) };
    const userMetadata = { ...(isObject(answer.userMetadata) ? answer.userMetadata : {}) };
    if (answer.provider !== undefined) appMetadata.provider = answer.provider;
    if (answer.roles !== undefined) appMetadata.roles = answer.roles;
    if (answer.name !== undefined) userMetadata.full_name = answer.name;
    if (answer.pictureUrl !== undefined) userMetadata.avatar_url = answer.pictureUrl;
    user.appMetadata = appMetadata;
    user.userMetadata = userMetadata;
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The events of one identity app: its functions folder from the options, netlify.toml or the default. */
export function createIdentityEvents(
  options: IdentityAppOptions,
  operatorToken: string,
  log: (line: string) => void,
  logError: (line: string) => void,
): IdentityEvents {
  const projectRoot = resolve(options.projectRoot ?? process.cwd());
  const config = readNetlifyConfig(projectRoot);
  if (config.error) logError(`[identity] cannot read ${config.error}`);
  const directory = options.functions
    ? resolve(options.functions)
    : (config.functionsDirectory ?? join(projectRoot, 'netlify', 'functions'));
  // The default folder may appear later; one the site named should be there now.
  if ((options.functions || config.functionsDirectory) && !existsSync(directory)) {
    logError(`[identity] functions folder ${directory} does not exist`);
  }
  return new IdentityEvents(
    directory,
    operatorToken,
    log,
    logError,
    join(projectRoot, '.netlify', 'identity-functions'),
    options.functionTimeout ?? DEFAULT_TIMEOUT_MS,
  );
}
