/** How a domain record with an `id` is stored: the id becomes the document's `_id`. */
export type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

export const fromStored = <T extends { _id: string }>({ _id, ...rest }: T) => ({ id: _id, ...rest });
