// Minimal types for the two browser libraries that ship none (htl 0.3, @observablehq/inputs 0.12).
declare module "htl" {
  /** Hypertext literal: interpolated values are escaped as text or set as attributes/properties. */
  export function html(strings: TemplateStringsArray, ...values: unknown[]): Node;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): Node;
}

declare module "@observablehq/inputs" {
  type Options = Record<string, unknown>;
  export function table(data: readonly object[], options?: Options): HTMLElement;
  export function range(extent?: [number, number], options?: Options): HTMLElement & {value: number};
  export function radio<T>(data: readonly T[], options?: Options): HTMLElement & {value: T};
  export function search<T>(data: readonly T[], options?: Options): HTMLElement & {value: T[]};
  export function select<T>(data: readonly T[], options?: Options): HTMLElement & {value: T};
}
