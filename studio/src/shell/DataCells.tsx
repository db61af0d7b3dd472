// The numeric cells of the studio's data tables (`.data-table`, right-aligned by `.num`): a
// column head, a count and a sum of money in one or more currencies.
import type { ReactNode } from 'react';
import { formatCount, formatMoneyList } from './format.ts';

export function NumHead({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}

export function CountCell({ value }: { value: number }) {
  return <td className="num">{formatCount(value)}</td>;
}

export function MoneyCell({
  amounts,
}: {
  amounts: readonly { amount: number; currency: string }[];
}) {
  return <td className="num">{formatMoneyList(amounts)}</td>;
}
