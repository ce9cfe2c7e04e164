import '../../dist/index.js';

// Logging out here leaves a page only members may see.
document.addEventListener('netlify-identity-logout', () => location.assign('../'));
