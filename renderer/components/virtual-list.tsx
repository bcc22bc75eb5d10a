import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: {
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  sizer: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  option: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
});

interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly label: string;
  readonly rowHeight: number;
  readonly height: number | string;
  readonly getKey: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  /** When given, the list is a listbox: arrows move, Enter opens the item. */
  readonly onOpen?: (item: T) => void;
}

/**
 * A long list that renders only the rows in view. With `onOpen` it is one tab stop: arrow keys,
 * Home/End and Page Up/Down move, Enter opens. Without it, it is a scrollable read-only list.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const styles = useStyles();
  const parentRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const count = props.items.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => props.rowHeight,
    overscan: 8,
  });
  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [active, count]);

  const interactive = Boolean(props.onOpen);
  const move = (index: number) => {
    const next = Math.min(Math.max(index, 0), count - 1);
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!interactive || count === 0) return;
    const page = Math.max(
      1,
      Math.floor((parentRef.current?.clientHeight ?? 400) / props.rowHeight) - 1,
    );
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(count - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => {
        const item = props.items[active];
        if (item !== undefined) props.onOpen?.(item);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const optionId = (index: number) => `${baseId}-row-${index}`;

  return (
    <div
      ref={parentRef}
      className={styles.scroller}
      style={{ height: props.height }}
      tabIndex={0}
      role={interactive ? 'listbox' : 'list'}
      aria-label={props.label}
      aria-activedescendant={interactive && count > 0 ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <div
        className={styles.sizer}
        style={{ height: virtualizer.getTotalSize() }}
        role="presentation"
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = props.items[row.index]!;
          const isActive = interactive && row.index === active;
          const showFocus = isActive && focused;
          return (
            <div
              key={props.getKey(item)}
              id={optionId(row.index)}
              role={interactive ? 'option' : 'listitem'}
              aria-selected={interactive ? isActive : undefined}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              className={`${styles.row} ${interactive ? styles.option : ''} ${showFocus ? styles.active : ''}`}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              onClick={
                interactive
                  ? () => {
                      setActive(row.index);
                      props.onOpen?.(item);
                    }
                  : undefined
              }
            >
              {props.renderItem(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
