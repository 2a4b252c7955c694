/**
 * A drawing made in the page, with a finger, a stylus or a mouse (pointer events): a few big
 * colour buttons, thick or thin, undo and start again. "Use this drawing" turns it into a PNG,
 * which is uploaded like a photo.
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useT } from '../../lib/i18n';

const colours = [
  { key: 'black', value: '#1b1b1f' },
  { key: 'red', value: '#d62828' },
  { key: 'blue', value: '#1d4e89' },
  { key: 'green', value: '#2a9d3f' },
  { key: 'yellow', value: '#f4c20d' },
  { key: 'purple', value: '#7b2cbf' },
] as const;

type Stroke = { colour: string; width: number; points: Array<[number, number]> };

const WIDTH = 1000;
const HEIGHT = 700;

export function DrawingPad({ onKeep, onCancel }: { onKeep(file: File): void; onCancel(): void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [colour, setColour] = useState<string>(colours[0].value);
  const [thick, setThick] = useState(true);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const current = useRef<Stroke | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes) draw(ctx, s);
  }, [strokes]);

  function draw(ctx: CanvasRenderingContext2D, s: Stroke) {
    ctx.strokeStyle = s.colour;
    ctx.fillStyle = s.colour;
    ctx.lineWidth = s.width;
    ctx.beginPath();
    s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (s.points.length === 1) {
      const [x, y] = s.points[0]!;
      ctx.arc(x, y, s.width / 2, 0, Math.PI * 2);
      ctx.fill();
    } else ctx.stroke();
  }

  function point(e: ReactPointerEvent<HTMLCanvasElement>): [number, number] {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * WIDTH, ((e.clientY - r.top) / r.height) * HEIGHT];
  }

  return (
    <div className="drawing">
      <div className="row row-tight" role="group" aria-label={t('portfolio.drawing.colours')}>
        {colours.map((c) => (
          <button key={c.key} type="button" className="colour" style={{ background: c.value }} aria-pressed={colour === c.value} aria-label={t(`portfolio.drawing.colour.${c.key}`)} onClick={() => setColour(c.value)} />
        ))}
        <button type="button" className="button button-quiet" aria-pressed={thick} onClick={() => setThick((x) => !x)}>
          {thick ? t('portfolio.drawing.thick') : t('portfolio.drawing.thin')}
        </button>
      </div>
      <canvas
        ref={canvas}
        className="drawing-canvas"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('portfolio.drawing.canvas')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          current.current = { colour, width: thick ? 18 : 6, points: [point(e)] };
          const ctx = e.currentTarget.getContext('2d');
          if (ctx) draw(ctx, current.current);
        }}
        onPointerMove={(e) => {
          const s = current.current;
          const ctx = e.currentTarget.getContext('2d');
          if (!s || !ctx) return;
          s.points.push(point(e));
          draw(ctx, { ...s, points: s.points.slice(-2) });
        }}
        onPointerUp={() => {
          const s = current.current;
          current.current = null;
          if (s) setStrokes((all) => [...all, s]);
        }}
      />
      <div className="row row-tight">
        <button type="button" className="button button-quiet" disabled={strokes.length === 0} onClick={() => setStrokes((all) => all.slice(0, -1))}>
          ↶ {t('portfolio.drawing.undo')}
        </button>
        <button type="button" className="button button-quiet" disabled={strokes.length === 0} onClick={() => setStrokes([])}>
          {t('portfolio.drawing.clear')}
        </button>
      </div>
      <div className="row row-tight">
        <button
          type="button"
          className="button button-primary"
          disabled={strokes.length === 0}
          onClick={() =>
            canvas.current?.toBlob((blob) => {
              if (blob) onKeep(new File([blob], 'drawing.png', { type: 'image/png' }));
            }, 'image/png')
          }
        >
          ✓ {t('portfolio.drawing.use')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('app.manage.common.cancel')}
        </button>
      </div>
    </div>
  );
}
