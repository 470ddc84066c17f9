import type { TimelineBucket } from '@parley/contracts';

const W = 960;
const H = 200;
const PAD = { left: 36, right: 44, top: 12, bottom: 24 };

const hourOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const minutes = (seconds: number) => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

/**
 * The day's chats: bars for the chats opened each hour (left scale), a line for how long they
 * waited for an agent on average (right scale). Each bar says its figures on hover, and the whole
 * chart in its label.
 */
export function DayChart({ timeline }: { timeline: TimelineBucket[] }) {
  if (timeline.length === 0) return null;
  const maxOpened = Math.max(1, ...timeline.map((b) => b.opened));
  const maxWait = Math.max(1, ...timeline.map((b) => b.average_wait_seconds ?? 0));
  const step = (W - PAD.left - PAD.right) / timeline.length;
  const y = (value: number, max: number) => H - PAD.bottom - (value / max) * (H - PAD.top - PAD.bottom);
  const waits = timeline.map((b, i) => (b.average_wait_seconds === null ? null : `${PAD.left + step * (i + 0.5)},${y(b.average_wait_seconds, maxWait)}`));
  const opened = timeline.reduce((sum, b) => sum + b.opened, 0);
  const label = `Chats opened and average wait, hour by hour: ${opened} chats opened, at most ${maxOpened} in an hour; the longest average wait ${minutes(maxWait)}.`;
  return (
    <figure class="day-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} class="axis" />
        <text x={PAD.left - 6} y={PAD.top + 8} class="scale" text-anchor="end">{maxOpened}</text>
        <text x={W - PAD.right + 6} y={PAD.top + 8} class="scale wait">{minutes(maxWait)}</text>
        {timeline.map((b, i) => (
          <g key={b.start}>
            <rect class="bar" x={PAD.left + step * i + 1} width={Math.max(1, step - 2)} y={y(b.opened, maxOpened)} height={H - PAD.bottom - y(b.opened, maxOpened)}>
              <title>{`${hourOf(b.start)}: ${b.opened} opened, ${b.resolved} resolved${b.average_wait_seconds === null ? '' : `, waited ${minutes(b.average_wait_seconds)} on average`}`}</title>
            </rect>
            {i % Math.ceil(timeline.length / 8) === 0 && (
              <text x={PAD.left + step * i} y={H - 6} class="scale">
                {hourOf(b.start)}
              </text>
            )}
          </g>
        ))}
        {waits.filter(Boolean).length > 1 && <polyline class="wait-line" points={waits.filter(Boolean).join(' ')} />}
        {waits.map((point, i) => point && <circle key={i} class="wait-dot" cx={point.split(',')[0]} cy={point.split(',')[1]} r={3} />)}
      </svg>
      <figcaption class="muted">
        <span class="key bar" /> chats opened · <span class="key wait" /> average wait for an agent
      </figcaption>
    </figure>
  );
}
