// Objects a finished run gives back for the next run to take, instead of allocating them again: a
// simulation's path block and cash histogram are megabytes of typed arrays, and allocating, zeroing
// and collecting them stage after stage kept a worker's garbage collector busy. A run dropped midway
// never gives its objects back, so no object is ever in two runs at once.

/** A few spare objects; `take` hands out one that fits, `give` takes one back. */
export class Spares<T> {
  readonly #items: T[] = [];
  constructor(private readonly limit = 2) {}

  /** A spare that `fits`, no longer spare; undefined when none does. */
  take(fits: (item: T) => boolean): T | undefined {
    const i = this.#items.findIndex(fits);
    return i < 0 ? undefined : this.#items.splice(i, 1)[0];
  }

  /** Keeps `item` for a later take (the caller no longer uses it); beyond the limit it is left to the collector. */
  give(item: T): void {
    if (this.#items.length < this.limit && !this.#items.includes(item)) this.#items.push(item);
  }
}
