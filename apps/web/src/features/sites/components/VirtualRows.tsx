import { ReactNode, UIEvent, useState } from 'react';

const OVERSCAN = 8;

/**
 * A table body that renders only the rows in view (plus a few either side) inside a scrolling box, so
 * 1,000 sites scroll as smoothly as 20. Rows have a fixed height; spacer rows keep the scrollbar honest.
 */
export function VirtualRows<T>({ items, rowHeight, height, columns, header, renderRow, caption }: {
  items: T[]; rowHeight: number; height: number; columns: number; header: ReactNode; caption: string; renderRow: (item: T, index: number) => ReactNode;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);
  return (
    <div className="virtual-table" style={{ maxHeight: height }} onScroll={onScroll} tabIndex={0} role="region" aria-label={caption}>
      <table aria-rowcount={items.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>{header}</thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * rowHeight }}><td colSpan={columns} /></tr>}
          {items.slice(first, last).map((item, offset) => renderRow(item, first + offset))}
          {last < items.length && <tr aria-hidden="true" style={{ height: (items.length - last) * rowHeight }}><td colSpan={columns} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
