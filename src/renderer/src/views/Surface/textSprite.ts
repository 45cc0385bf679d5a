/** Screen-facing text and symbol sprites drawn on small canvases (axis labels, critical-point symbols). */
import * as THREE from 'three';

export function textSprite(text: string, color: string, px = 28): THREE.Sprite {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = `${px}px system-ui, sans-serif`;
  const w = Math.ceil(ctx.measureText(text).width) + 8;
  canvas.width = w;
  canvas.height = px + 10;
  ctx.font = `${px}px system-ui, sans-serif`;
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 4, canvas.height / 2);
  const tex = new THREE.CanvasTexture(canvas);
  tex.colorSpace = THREE.SRGBColorSpace;
  const sprite = new THREE.Sprite(
    new THREE.SpriteMaterial({ map: tex, depthTest: false, transparent: true }),
  );
  const h = 0.09;
  sprite.scale.set((h * canvas.width) / canvas.height, h, 1);
  sprite.renderOrder = 10;
  return sprite;
}

export type SymbolKind = 'minimum' | 'saddle' | 'maximum' | 'start' | 'end' | 'ball';

/** The marker of a critical point's classification (a degenerate point is drawn as a saddle). */
export function criticalSymbol(kind: 'minimum' | 'saddle' | 'maximum' | 'degenerate'): SymbolKind {
  return kind === 'degenerate' ? 'saddle' : kind;
}

/**
 * Draws a marker: ● minimum, ✕ saddle, ▲ maximum, ◆ start, ▼ end, and the ball (the scrubbed step: a
 * disc in the run's colour inside a white ring, seen on any colour map); filled, with a dark outline.
 */
export function drawSymbol(
  ctx: CanvasRenderingContext2D,
  kind: SymbolKind,
  cx: number,
  cy: number,
  r: number,
  fill = '#ffffff',
): void {
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#111';
  ctx.fillStyle = fill;
  ctx.lineWidth = Math.max(1.5, r / 3.5);
  ctx.beginPath();
  if (kind === 'ball') {
    ctx.arc(cx, cy, r * 0.92, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(cx, cy, r * 0.62, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
  } else if (kind === 'start') {
    // ◆: distinct from a minimum's ●.
    ctx.moveTo(cx, cy - r);
    ctx.lineTo(cx + r * 0.8, cy);
    ctx.lineTo(cx, cy + r);
    ctx.lineTo(cx - r * 0.8, cy);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  } else if (kind === 'end') {
    // ▼
    ctx.moveTo(cx - r * 0.85, cy - r * 0.6);
    ctx.lineTo(cx + r * 0.85, cy - r * 0.6);
    ctx.lineTo(cx, cy + r * 0.8);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  } else if (kind === 'minimum') {
    ctx.arc(cx, cy, r * 0.75, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  } else if (kind === 'maximum') {
    ctx.moveTo(cx, cy - r);
    ctx.lineTo(cx + r * 0.9, cy + r * 0.7);
    ctx.lineTo(cx - r * 0.9, cy + r * 0.7);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  } else {
    const d = r * 0.75;
    ctx.lineCap = 'round';
    ctx.lineWidth = r / 1.6;
    ctx.strokeStyle = '#111';
    ctx.moveTo(cx - d, cy - d);
    ctx.lineTo(cx + d, cy + d);
    ctx.moveTo(cx + d, cy - d);
    ctx.lineTo(cx - d, cy + d);
    ctx.stroke();
    ctx.lineWidth = r / 3;
    ctx.strokeStyle = fill;
    ctx.stroke();
  }
  ctx.restore();
}

const symbolTextures = new Map<string, THREE.Texture>();
const symbolMaterials = new Map<string, THREE.SpriteMaterial>();

export function symbolSprite(kind: SymbolKind, fill = '#ffffff', size = 0.045): THREE.Sprite {
  const key = `${kind}:${fill}`;
  let tex = symbolTextures.get(key);
  if (!tex) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    drawSymbol(canvas.getContext('2d')!, kind, 32, 32, 24, fill);
    tex = new THREE.CanvasTexture(canvas);
    tex.colorSpace = THREE.SRGBColorSpace;
    tex.userData.shared = true;
    symbolTextures.set(key, tex);
  }
  let mat = symbolMaterials.get(key);
  if (!mat) {
    mat = new THREE.SpriteMaterial({ map: tex, depthTest: false, transparent: true });
    symbolMaterials.set(key, mat);
  }
  const s = new THREE.Sprite(mat);
  s.scale.set(size, size, 1);
  s.renderOrder = 12;
  return s;
}
