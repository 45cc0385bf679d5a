/**
 * What an exported picture needs besides the plot to be read on its own: the key (which colour is which
 * run, dashed for test loss) and the colour bar, drawn on a 2-D canvas in CSS pixels.
 */
import { colorMapList } from '../../lib/colorMaps';
import { AXIS_FONT } from './canvasAxes';

export interface KeyItem {
  readonly label: string;
  readonly color: string;
  readonly dash?: boolean;
}

export interface BarTick {
  /** Place on the bar, 0 at the bottom, 1 at the top. */
  readonly t: number;
  readonly label: string;
}

export interface ColorBarSpec {
  readonly ticks: readonly BarTick[];
  readonly colorMap: string;
  readonly title: string;
}

/** Width a colour bar with its labels takes. */
export const COLOR_BAR_WIDTH = 80;

const ROW = 18;
const SWATCH = 18;

interface Placed {
  readonly item: KeyItem;
  readonly x: number;
  readonly y: number;
}

/** Lays the key out in rows within maxW; returns where each item goes and the total height. */
function layoutKey(ctx: CanvasRenderingContext2D, items: readonly KeyItem[], maxW: number) {
  ctx.font = AXIS_FONT;
  const placed: Placed[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = SWATCH + 6 + ctx.measureText(item.label).width + 14;
    if (x > 0 && x + w > maxW) {
      x = 0;
      y += ROW;
    }
    placed.push({ item, x, y });
    x += w;
  }
  return { placed, height: items.length > 0 ? y + ROW : 0 };
}

export function keyHeight(ctx: CanvasRenderingContext2D, items: readonly KeyItem[], maxW: number): number {
  ctx.save();
  const h = layoutKey(ctx, items, maxW).height;
  ctx.restore();
  return h;
}

export function drawKey(
  ctx: CanvasRenderingContext2D,
  items: readonly KeyItem[],
  x0: number,
  y0: number,
  maxW: number,
  text: string,
): void {
  ctx.save();
  const { placed } = layoutKey(ctx, items, maxW);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const { item, x, y } of placed) {
    const cy = y0 + y + ROW / 2;
    ctx.strokeStyle = item.color;
    ctx.lineWidth = 3;
    ctx.setLineDash(item.dash ? [4, 3] : []);
    ctx.beginPath();
    ctx.moveTo(x0 + x, cy);
    ctx.lineTo(x0 + x + SWATCH, cy);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = text;
    ctx.fillText(item.label, x0 + x + SWATCH + 6, cy);
  }
  ctx.restore();
}

/** The colour bar: title above, the map from bottom (low) to top (high), tick labels to its right. */
export function drawColorBar(
  ctx: CanvasRenderingContext2D,
  spec: ColorBarSpec,
  x: number,
  y: number,
  h: number,
  text: string,
): void {
  const def = colorMapList.find((c) => c.name === spec.colorMap) ?? colorMapList[0]!;
  ctx.save();
  ctx.font = AXIS_FONT;
  ctx.fillStyle = text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText(spec.title, x, y - 5);
  const grad = ctx.createLinearGradient(0, y + h, 0, y);
  for (let k = 0; k <= 10; k++) grad.addColorStop(k / 10, def.interpolate(k / 10));
  ctx.fillStyle = grad;
  ctx.fillRect(x, y, 14, h);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = text;
  ctx.strokeStyle = text;
  ctx.lineWidth = 1;
  for (const tk of spec.ticks) {
    const ty = y + (1 - tk.t) * h;
    ctx.beginPath();
    ctx.moveTo(x + 14, ty);
    ctx.lineTo(x + 18, ty);
    ctx.stroke();
    ctx.fillText(tk.label, x + 21, ty);
  }
  ctx.restore();
}
