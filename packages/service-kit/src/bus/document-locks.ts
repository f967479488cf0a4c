/**
 * Serialises writes to one document within this process.
 *
 * Why: FerretDB v1.24 (SQLite) applies an update as read → modify → write back without holding the
 * row, so two concurrent updates of one document can overwrite each other (measured: 45 lost of 200
 * races between a $push and a $pullAll). The outbox relay removes sent events with an update; a
 * service appending an event to the same document at that moment would lose it. Both take this lock,
 * keyed by collection and id. MongoDB does not need it, and it costs one promise per write.
 */
export class DocumentLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(collection: string, id: string, work: () => Promise<T>): Promise<T> {
    const key = `${collection}/${id}`;
    const result = (this.tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
