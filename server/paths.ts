/** Where Netlify serves the identity API on a site's own origin. */
export const IDENTITY_PATH = '/.netlify/identity';
