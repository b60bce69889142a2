import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartLine { label: string; colorVar: string; values: (number | null)[] }

function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/**
 * Latency over time with uPlot (fast with many points). The figures are also given as a table by the
 * page, so the canvas is described, not the only way to read them.
 */
export function LatencyChart({ times, lines, title, fromSeconds, toSeconds }: { times: number[]; lines: ChartLine[]; title: string; fromSeconds: number; toSeconds: number }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const axisColor = cssColor('--text-muted');
    const gridColor = cssColor('--border');
    const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor } };
    const plot = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 240,
        legend: { show: true },
        scales: { x: { time: true, range: [fromSeconds, toSeconds] } },
        axes: [axis, { ...axis, label: 'ms', values: (_u, ticks) => ticks.map((tick) => `${tick}`) }],
        series: [{}, ...lines.map((line) => ({ label: line.label, stroke: cssColor(line.colorVar), width: 2, spanGaps: false }))],
      },
      [times, ...lines.map((line) => line.values)],
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, element.clientWidth), height: 240 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, lines, fromSeconds, toSeconds]);
  return <div ref={container} className="chart" role="img" aria-label={title} />;
}
