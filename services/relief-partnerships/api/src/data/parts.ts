/** Plain documents: no version key, empty objects kept. */
export const plain = { versionKey: false as const, minimize: false };
