// Shared bundling for every service API: one ESM file per service. Our workspace packages are bundled
// in (they ship TypeScript source); npm dependencies stay external and come from node_modules.
export const serviceBundle = {
  entry: ['src/main.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  noExternal: [/^@hamgam\//],
  external: [/^(?!@hamgam\/)[^./]/],
  clean: true,
  sourcemap: true,
};
