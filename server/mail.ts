import { LIMITS } from './limits.js';

export type MailType = 'confirmation' | 'recovery' | 'invite' | 'email_change';

export interface Mail {
  to: string;
  subject: string;
  type: MailType;
  token: string;
  url: string;
  sent_at: string;
}

const TEMPLATES: Record<MailType, { subject: string; hashKey: string }> = {
  confirmation: { subject: 'Confirm Your Signup', hashKey: 'confirmation_token' },
  recovery: { subject: 'Reset Your Password', hashKey: 'recovery_token' },
  invite: { subject: 'You have been invited', hashKey: 'invite_token' },
  email_change: { subject: 'Confirm Email Change', hashKey: 'email_change_token' },
};

/** Mails are captured, never delivered: the dev endpoints and the mailbox page read them back. */
export class Mailbox {
  private mails: Mail[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly announce: (mail: Mail) => void,
  ) {}

  /** `sentAt` is the time the account records for the mail, so both say the same instant. */
  send(
    type: MailType,
    to: string,
    token: string,
    siteOrigin: string,
    sentAt = new Date(this.clock()).toISOString(),
  ): Mail {
    const { subject, hashKey } = TEMPLATES[type];
    const mail: Mail = {
      to,
      subject,
      type,
      token,
      url: `${siteOrigin}/#${hashKey}=${token}`,
      sent_at: sentAt,
    };
    this.keep(mail);
    this.announce(mail);
    return mail;
  }

  /** Bounded per address and in all: the oldest mails go first. */
  private keep(mail: Mail): void {
    const to = mail.to.toLowerCase();
    let sameAddress = 0;
    for (const kept of this.mails) if (kept.to.toLowerCase() === to) sameAddress++;
    if (sameAddress >= LIMITS.mailsPerAddress) {
      const oldest = this.mails.findIndex((kept) => kept.to.toLowerCase() === to);
      this.mails.splice(oldest, 1);
    }
    this.mails.push(mail);
    if (this.mails.length > LIMITS.mails) this.mails.shift();
  }

  /** Oldest first, newest last. */
  list(): readonly Mail[] {
    return this.mails;
  }

  clear(): void {
    this.mails = [];
  }
}
