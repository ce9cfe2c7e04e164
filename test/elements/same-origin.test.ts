import { expect } from '@open-wc/testing';
import { sameOriginPath } from '../../src/elements/auth-callback/same-origin.js';
import { parseAuthHash } from '../../src/store/callback-hash.js';
import { defineElement } from '../../src/internal/define.js';
import '../../src/index.js';

const ORIGIN = 'https://site.example';

describe('redirect targets', () => {
  it('accepts paths on the same site', () => {
    expect(sameOriginPath('/welcome', ORIGIN)).to.equal('/welcome');
    expect(sameOriginPath('/a/b?c=1#d', ORIGIN)).to.equal('/a/b?c=1#d');
  });

  it('refuses other origins, protocol-relative URLs and scripts', () => {
    for (const target of [
      '//evil.example/',
      '/\\evil.example',
      'https://other.example/',
      'javascript:alert(1)',
      'welcome',
      '',
      null,
      undefined,
    ]) {
      expect(sameOriginPath(target, ORIGIN), String(target)).to.equal(null);
    }
  });
});

describe('auth hashes', () => {
  it('reads every kind of link', () => {
    expect(parseAuthHash('#confirmation_token=a')).to.deep.equal({
      type: 'confirmation',
      token: 'a',
    });
    expect(parseAuthHash('#recovery_token=b')).to.deep.equal({ type: 'recovery', token: 'b' });
    expect(parseAuthHash('#invite_token=c')).to.deep.equal({ type: 'invite', token: 'c' });
    expect(parseAuthHash('#email_change_token=d')).to.deep.equal({
      type: 'email_change',
      token: 'd',
    });
    expect(parseAuthHash('#access_token=e&refresh_token=f')).to.deep.equal({ type: 'oauth' });
    expect(parseAuthHash('#error=access_denied&error_description=No')).to.deep.equal({
      type: 'error',
      error: 'access_denied',
      description: 'No',
    });
  });

  it('ignores hashes that are not ours', () => {
    expect(parseAuthHash('')).to.equal(null);
    expect(parseAuthHash('#section-2')).to.equal(null);
    const state = encodeURIComponent(JSON.stringify({ auth_type: 'implicit' }));
    expect(parseAuthHash(`#access_token=x&state=${state}`)).to.equal(null);
  });
});

describe('registration', () => {
  it('tolerates a second registration of a tag and keeps the first class', () => {
    const first = customElements.get('netlify-login');
    expect(first).to.exist;
    expect(() => defineElement('netlify-login', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('netlify-login')).to.equal(first);
  });
});
