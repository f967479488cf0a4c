import helmet from 'helmet';

/**
 * The shell's page loads only from its own origin — its bundle, and each module's remoteEntry.js and
 * chunks through /remotes/<service>/ (plain <script src> tags: no inline scripts, no eval) — and talks
 * to Keycloak (keycloak-js fetches tokens and may frame Keycloak for session checks). Styles need
 * 'unsafe-inline': the ui-kit and the shell render their CSS as React <style> elements, whose text a
 * nonce or hash cannot follow across the modules' releases; scripts, where injection matters, get none.
 * No upgrade-insecure-requests: the native stack is plain http on localhost; a cluster's ingress
 * redirects to https and helmet's HSTS keeps the browser there.
 * @param {string} keycloakUrl
 */
export function securityHeaders(keycloakUrl) {
  const keycloak = new URL(keycloakUrl).origin;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", keycloak],
        frameSrc: ["'self'", keycloak],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", keycloak],
        // 'self', not 'none': keycloak-js's silent check-sso page is the shell's own, in an iframe of the shell.
        frameAncestors: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
