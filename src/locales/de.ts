import type { Messages } from './en.js';

/** German. */
export const messages: Messages = {
  'menu.label': 'Konto',
  'action.login': 'Anmelden',
  'action.signup': 'Registrieren',
  'action.logout': 'Abmelden',
  'action.close': 'Schließen',
  'action.continue': 'Weiter',
  'login.title': 'Anmelden',
  'login.submit': 'Anmelden',
  'login.busy': 'Anmeldung läuft…',
  'login.forgot': 'Passwort vergessen?',
  'login.noAccount': 'Noch kein Konto?',
  'signup.title': 'Registrieren',
  'signup.submit': 'Registrieren',
  'signup.busy': 'Registrierung läuft…',
  'signup.hasAccount': 'Sie haben bereits ein Konto?',
  'signup.disabled':
    'Die Registrierung ist hier geschlossen. Bitten Sie den Websitebetreiber um eine Einladung.',
  'signup.checkEmail':
    'Fast geschafft: Öffnen Sie den an {email} gesendeten Link, um Ihr Konto zu aktivieren.',
  'recoveryRequest.title': 'Passwort zurücksetzen',
  'recoveryRequest.intro':
    'Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Link für ein neues Passwort.',
  'recoveryRequest.submit': 'Link zum Zurücksetzen senden',
  'recoveryRequest.busy': 'Wird gesendet…',
  'recoveryRequest.sent':
    'Falls ein Konto für {email} existiert, ist der Link unterwegs. Bitte prüfen Sie Ihr Postfach.',
  'recoveryRequest.back': 'Zurück zur Anmeldung',
  'recovery.title': 'Neues Passwort festlegen',
  'recovery.submit': 'Passwort speichern',
  'recovery.busy': 'Wird gespeichert…',
  'recovery.done': 'Ihr neues Passwort wurde gespeichert. Sie sind jetzt angemeldet.',
  'invite.title': 'Einladung annehmen',
  'invite.intro': 'Legen Sie ein Passwort fest, um die Erstellung Ihres Kontos abzuschließen.',
  'invite.submit': 'Konto erstellen',
  'invite.busy': 'Konto wird erstellt…',
  'invite.withProvider': 'Oder annehmen mit',
  'callback.title': 'Ihr Konto',
  'callback.errorTitle': 'Dieser Link hat nicht funktioniert',
  'callback.confirmed': 'Ihre E-Mail-Adresse ist bestätigt. Sie sind jetzt angemeldet.',
  'callback.oauth': 'Sie sind jetzt angemeldet.',
  'callback.working': 'Einen Moment…',
  'callback.emailChanged': 'Ihre E-Mail-Adresse wurde geändert.',
  'callback.emailChangeLogin': 'Melden Sie sich an, um Ihre neue E-Mail-Adresse zu bestätigen.',
  'loggedIn.title': 'Angemeldet',
  'loggedIn.as': 'Angemeldet als {name}',
  'field.name': 'Name',
  'field.email': 'E-Mail',
  'field.password': 'Passwort',
  'field.newPassword': 'Neues Passwort',
  'field.required': 'Bitte füllen Sie dieses Feld aus.',
  'field.invalidEmail': 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
  'oauth.continueWith': 'Weiter mit {provider}',
  'oauth.or': 'oder',
  'status.slow': 'Das dauert länger als üblich. Wird noch bearbeitet…',
  'status.loading': 'Wird geladen…',
  'error.invalid_credentials':
    'E-Mail-Adresse und Passwort passen nicht zusammen. Bitte prüfen Sie Ihre Eingaben.',
  'error.email_not_confirmed':
    'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen gesendet haben.',
  'error.signup_disabled': 'Registrierungen sind auf dieser Website geschlossen.',
  'error.user_exists':
    'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Bitte melden Sie sich stattdessen an.',
  'error.invalid_input': 'Einige Angaben sind ungültig: {detail}',
  'error.invalid_token': 'Dieser Link ist ungültig oder abgelaufen. Fordern Sie einen neuen an.',
  'error.rate_limited':
    'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  'error.provider_disabled': 'Dieser Anmeldeanbieter ist für diese Website nicht aktiviert.',
  'error.access_denied': 'Der Anmeldeanbieter hat den Zugriff verweigert.',
  'error.session_expired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'error.identity_unavailable':
    'Anmeldung nicht verfügbar: Netlify Identity ist auf dieser Website nicht aktiviert.',
  'error.network':
    'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.server':
    'Beim Server ist ein Problem aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
  'error.unknown': 'Etwas ist schiefgelaufen: {detail}',
};
