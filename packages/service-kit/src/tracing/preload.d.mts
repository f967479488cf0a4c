// The `--import` preload (see preload.mjs): it exports nothing.
export {};
