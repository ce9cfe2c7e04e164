import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asIdentityError } from '../store/errors.js';
import type { IdentityError } from '../store/errors.js';

/** After this long a request is said to be slow, but kept going: a second request could double it. */
const SLOW_AFTER_MS = 8000;

/**
 * One form's request: refuses a second submit while the first is in flight, exposes the busy and
 * slow states, and keeps the failure to show next to the form.
 */
export class SubmitController implements ReactiveController {
  busy = false;
  slow = false;
  error: IdentityError | null = null;
  readonly #host: ReactiveControllerHost;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Runs `action` unless one is running; resolves true on success. */
  async run(action: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.slow = false;
    this.error = null;
    this.#timer = setTimeout(() => {
      this.slow = true;
      this.#host.requestUpdate();
    }, SLOW_AFTER_MS);
    this.#host.requestUpdate();
    try {
      await action();
      return true;
    } catch (error) {
      this.error = asIdentityError(error);
      return false;
    } finally {
      clearTimeout(this.#timer);
      this.busy = false;
      this.slow = false;
      this.#host.requestUpdate();
    }
  }

  reset(): void {
    this.error = null;
    this.#host.requestUpdate();
  }
}
