/**
 * The CPWL knot editor (seed 000): drag knots to reshape the target; double-click adds a knot, right-click
 * removes one. Knots stay sorted by x, so the document is always a valid CPWL target.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withSchemaDefaults } from '../../../../core/experiment/defaults';
import { networkModelSchema } from '../../../../core/experiment/schema';
import { useApp, useDoc } from '../../state/AppContext';

const W = 260;
const H = 120;
const DEFAULT_KNOTS: [number, number][] = [
  [-1, 0.2],
  [-0.4, 0.8],
  [0.1, -0.3],
  [0.6, 0.5],
  [1, 0],
];

export function KnotEditor() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const target = useDoc((s) => s.net!.data.target) ?? { expr: '' };
  const inputs = useDoc((s) => withSchemaDefaults(networkModelSchema, s.net!.model).inputs);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  if (inputs !== 1) return <p className="muted">{t('target.knotsOneInput')}</p>;
  if (!('knots' in target))
    return (
      <button
        type="button"
        className="btn"
        title={t('target.useKnotsHelp')}
        data-testid="use-knots"
        onClick={() =>
          doc.edit(
            (d) => void (d.data.target = { knots: DEFAULT_KNOTS.map((k) => [...k] as [number, number]) }),
          )
        }
      >
        {t('target.useKnots')}
      </button>
    );
  const knots = target.knots;
  const xs = knots.map((k) => k[0]);
  const ys = knots.map((k) => k[1]);
  const x0 = Math.min(-1, ...xs);
  const x1 = Math.max(1, ...xs);
  const y0 = Math.min(-1, ...ys);
  const y1 = Math.max(1, ...ys);
  const px = (x: number) => 8 + ((x - x0) / (x1 - x0)) * (W - 16);
  const py = (y: number) => H - 8 - ((y - y0) / (y1 - y0)) * (H - 16);
  const toData = (e: React.PointerEvent | React.MouseEvent): [number, number] => {
    const r = svg.current!.getBoundingClientRect();
    const sx = ((e.clientX - r.left) / r.width) * W;
    const sy = ((e.clientY - r.top) / r.height) * H;
    return [x0 + ((sx - 8) / (W - 16)) * (x1 - x0), y0 + ((H - 8 - sy) / (H - 16)) * (y1 - y0)];
  };
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return (
    <div className="knots">
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        role="application"
        aria-label={t('target.knotEditor')}
        data-testid="knot-editor"
        onPointerMove={(e) => {
          if (drag === null) return;
          const [x, y] = toData(e);
          doc.edit((d) => {
            const k = (d.data.target as { knots: [number, number][] }).knots;
            const lo = drag > 0 ? k[drag - 1]![0] + 1e-3 : -Infinity;
            const hi = drag < k.length - 1 ? k[drag + 1]![0] - 1e-3 : Infinity;
            k[drag] = [round(Math.min(hi, Math.max(lo, x))), round(y)];
          });
        }}
        onPointerUp={() => setDrag(null)}
        onPointerLeave={() => setDrag(null)}
        onDoubleClick={(e) => {
          const [x, y] = toData(e);
          doc.edit((d) => {
            const k = (d.data.target as { knots: [number, number][] }).knots;
            k.push([round(x), round(y)]);
            k.sort((a, b) => a[0] - b[0]);
          });
        }}
      >
        <rect x={0} y={0} width={W} height={H} className="knots-bg" />
        <polyline className="knots-line" points={knots.map((k) => `${px(k[0])},${py(k[1])}`).join(' ')} />
        {knots.map((k, i) => (
          <circle
            key={i}
            cx={px(k[0])}
            cy={py(k[1])}
            r={6}
            className={`knot${drag === i ? ' active' : ''}`}
            onPointerDown={(e) => {
              (e.target as Element).setPointerCapture?.(e.pointerId);
              setDrag(i);
            }}
            onContextMenu={(e) => {
              e.preventDefault();
              if (knots.length > 2)
                doc.edit((d) => void (d.data.target as { knots: [number, number][] }).knots.splice(i, 1));
            }}
          >
            <title>{`(${k[0]}, ${k[1]})`}</title>
          </circle>
        ))}
      </svg>
      <p className="hint">{t('target.knotHint')}</p>
    </div>
  );
}
