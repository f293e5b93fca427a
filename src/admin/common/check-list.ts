// The ticks of a CheckList (pure): which values are ticked after one box changes.
import type { ReactNode } from 'react';

export interface CheckOption<T extends string | number> {
  value: T;
  label: ReactNode;
}

/** The ticked values with `item` ticked (`on`) or not, in the options' order; nothing outside the options. */
export function toggled<T extends string | number>(options: readonly CheckOption<T>[], value: readonly T[], item: T, on: boolean): T[] {
  return options.map((o) => o.value).filter((v) => (v === item ? on : value.includes(v)));
}
