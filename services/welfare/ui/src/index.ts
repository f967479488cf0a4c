// Only runs when the bundle's own page is opened; the shell loads ./App through remoteEntry.js.
// The async boundary lets Module Federation settle shared modules first.
void import('./bootstrap');
