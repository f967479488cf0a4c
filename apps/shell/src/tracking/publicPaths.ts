/** Pages residents open without an account: the shell renders them without Keycloak or any module. */
export const isPublicPath = (pathname: string) => /^\/track(\/|$)/.test(pathname);
