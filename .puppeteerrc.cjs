/* global module */
// The browser tests use the system's Firefox (and Chromium through Playwright): Puppeteer's own
// Chrome download would be 150 MB nobody runs, and it fails on machines that reach only the registry.
module.exports = { skipDownload: true };
