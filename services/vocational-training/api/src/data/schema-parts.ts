/** Schema pieces every TVTO collection uses. */
export const localized = { _id: false, fa: { type: String, required: true }, en: { type: String, required: true } };
export const venue = { _id: false, kind: String, id: String };
/** Plain documents: no version key, empty objects kept. */
export const plain = { versionKey: false as const, minimize: false };
