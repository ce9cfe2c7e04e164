// Puts a <netlify-auth-callback> on the page with the redirect named in ?redirect=.
const callback = document.createElement('netlify-auth-callback');
callback.setAttribute('redirect', new URLSearchParams(location.search).get('redirect') ?? '');
document.getElementById('main').append(callback);
