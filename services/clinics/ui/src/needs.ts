import type { LocalizedText } from '@hamgam/ui-kit';

export type CategoryLabels = ReadonlyMap<string, LocalizedText>;

/** A category's label in the current locale, or its id if the API did not list it. */
export function categoryLabel(labels: CategoryLabels, id: string, localize: (text: LocalizedText) => string): string {
  const label = labels.get(id);
  return label ? localize(label) : id;
}
