/**
 * The three.js scene of the loss surface, outside React: a lit mesh whose buffers are updated in place,
 * wireframe and contour overlays, each run's path (wide lines), start/end/current markers, critical-point
 * symbols, axis labels, hover and click picking. Renders only when something changed or the camera moves.
 */
import * as THREE from 'three';
import { isSoftwareWebgl } from '../../lib/softwareWebgl';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { ContourLine } from '../../lib/contourLines';
import { snapshotAt, type SlicePath } from '../../lib/pathOnSlice';
import { fillSurface, gridIndices, HEIGHT, type SurfaceMapping } from '../../lib/surfaceMapping';
import { logTicksInExponent, niceTicks, type Tick } from '../../lib/ticks';
import type { SliceCritical } from '../../state/resultsStore';
import type { PlanePoint } from '../../state/viewStore';

/** CSS pixels kept free on the canvas's right, where the colour legend (an HTML overlay) sits. */
const LEGEND_RESERVE = 84;
/** Width over height of the scene's footprint on screen from the default camera, labels included. */
const SCENE_ASPECT = 1.5;
/** On-screen height of an axis label sprite in CSS pixels (text about 12 px), whatever the canvas size. */
const LABEL_PX = 17;
/** Tick labels are a little smaller than the axis names. */
const TICK_PX = 14;
/** At most this many ticks per 3-D axis: the axes are short on screen. */
const MAX_TICKS = 5;
import { criticalSymbol, symbolSprite, textSprite } from './textSprite';

export interface ScenePath {
  readonly name: string;
  readonly color: string;
  readonly path: SlicePath;
}

export interface SceneCallbacks {
  onHover(p: PlanePoint | null): void;
  onClick(p: PlanePoint): void;
  onPickCritical(index: number): void;
}

/**
 * Frees a group's geometries and per-object textures. Materials are NOT disposed: disposing the last
 * material of a kind releases its compiled shader program, and recompiling it on the next update costs
 * far more (hundreds of ms in software GL) than keeping a few small material objects alive.
 */
function disposeGroup(g: THREE.Group): void {
  g.traverse((o) => {
    const m = o as THREE.Mesh;
    if (!m.geometry?.userData.shared) m.geometry?.dispose();
    const mat = m.material as (THREE.Material & { map?: THREE.Texture | null }) | undefined;
    if (mat && !Array.isArray(mat) && mat.map && !mat.map.userData.shared) mat.map.dispose();
  });
  g.clear();
}

export class SurfaceScene {
  readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(36, 1, 0.01, 100);
  private readonly controls: OrbitControls;
  private readonly geometry = new THREE.BufferGeometry();
  private readonly surfaceMat = new THREE.MeshStandardMaterial({
    vertexColors: true,
    side: THREE.DoubleSide,
    roughness: 0.75,
    metalness: 0.05,
    flatShading: false,
  });
  private readonly wireMat = new THREE.MeshBasicMaterial({
    color: 0x000000,
    wireframe: true,
    transparent: true,
    opacity: 0.18,
  });
  private readonly mesh = new THREE.Mesh(this.geometry, this.surfaceMat);
  private readonly wire = new THREE.Mesh(this.geometry, this.wireMat);
  private readonly contourGroup = new THREE.Group();
  private readonly pathGroup = new THREE.Group();
  private readonly markerGroup = new THREE.Group();
  private readonly criticalGroup = new THREE.Group();
  private readonly axisGroup = new THREE.Group();
  private readonly nebGroup = new THREE.Group();
  private readonly hoverMarker: THREE.Mesh;
  private readonly pinMarker: THREE.Mesh;
  private readonly raycaster = new THREE.Raycaster();
  private readonly resizeObserver: ResizeObserver;
  private mapping: SurfaceMapping | null = null;
  private gridSize = [0, 0];
  private paths: readonly ScenePath[] = [];
  private stepMarkers: { mesh: THREE.Object3D; path: SlicePath }[] = [];
  /** One solid and one dashed "ghost" material shared by every path (colours are per vertex). */
  private readonly pathMat = new LineMaterial({
    linewidth: 4.5,
    vertexColors: true,
    worldUnits: false,
    depthTest: true,
  });
  private readonly ghostMat = new LineMaterial({
    linewidth: 3,
    vertexColors: true,
    worldUnits: false,
    depthTest: false,
    transparent: true,
    opacity: 0.85,
    dashed: true,
    dashSize: 0.035,
    gapSize: 0.015,
  });
  private readonly lineMaterials: LineMaterial[] = [this.pathMat, this.ghostMat];
  private readonly markerMats = new Map<string, THREE.Material>();
  private dirty = true;
  private frame = 0;
  private hoverPending: PointerEvent | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly callbacks: SceneCallbacks,
  ) {
    this.renderer = new THREE.WebGLRenderer({
      // Multisampling in a software renderer costs more than the rest of the frame (see isSoftwareWebgl).
      antialias: !isSoftwareWebgl(),
      preserveDrawingBuffer: true,
      alpha: false,
    });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.renderer.domElement.className = 'surface-canvas';
    this.renderer.domElement.setAttribute('role', 'img');
    host.appendChild(this.renderer.domElement);
    this.camera.position.set(2.15, 1.85, 2.55);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.target.set(0, HEIGHT * 0.2, 0);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.12;
    this.controls.addEventListener('change', () => (this.dirty = true));
    this.scene.add(new THREE.HemisphereLight(0xffffff, 0x444455, 1.6));
    const sun = new THREE.DirectionalLight(0xffffff, 1.6);
    sun.position.set(2, 4, 1.5);
    this.scene.add(sun);
    this.mesh.visible = false;
    this.wire.visible = false;
    this.scene.add(
      this.mesh,
      this.wire,
      this.contourGroup,
      this.pathGroup,
      this.markerGroup,
      this.criticalGroup,
      this.axisGroup,
      this.nebGroup,
    );
    const ring = (color: number) =>
      new THREE.Mesh(
        new THREE.TorusGeometry(0.03, 0.007, 8, 32),
        new THREE.MeshBasicMaterial({ color, depthTest: false, transparent: true }),
      );
    this.hoverMarker = ring(0xffffff);
    this.hoverMarker.rotation.x = Math.PI / 2;
    this.hoverMarker.visible = false;
    this.hoverMarker.renderOrder = 20;
    this.pinMarker = ring(0xff3366);
    this.pinMarker.rotation.x = Math.PI / 2;
    this.pinMarker.visible = false;
    this.pinMarker.renderOrder = 20;
    this.scene.add(this.hoverMarker, this.pinMarker);

    const el = this.renderer.domElement;
    el.addEventListener('pointermove', (e) => {
      // No picking while orbiting: the drag moves the camera, not the cursor over the surface.
      this.hoverPending = e.buttons === 0 ? e : null;
    });
    el.addEventListener('pointerleave', () => {
      this.hoverPending = null;
      this.hoverMarker.visible = false;
      this.dirty = true;
      this.callbacks.onHover(null);
    });
    let downAt: [number, number] | null = null;
    el.addEventListener('pointerdown', (e) => (downAt = [e.clientX, e.clientY]));
    el.addEventListener('pointerup', (e) => {
      if (!downAt || Math.hypot(e.clientX - downAt[0], e.clientY - downAt[1]) > 4) return;
      this.click(e);
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
    const loop = () => {
      this.frame = requestAnimationFrame(loop);
      if (this.controls.update()) this.dirty = true;
      if (this.hoverPending) {
        this.hover(this.hoverPending);
        this.hoverPending = null;
      }
      if (this.dirty) {
        this.dirty = false;
        this.renderer.render(this.scene, this.camera);
      }
    };
    loop();
  }

  private resize(): void {
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    this.renderer.setSize(w, h, false);
    this.renderer.domElement.style.width = `${w}px`;
    this.renderer.domElement.style.height = `${h}px`;
    // Centre the scene in the part of the canvas left of the legend, and zoom out just enough that the
    // scene and its axis labels fit there: nothing is drawn under the legend's values.
    const free = Math.max(1, w - LEGEND_RESERVE);
    this.camera.aspect = (w + LEGEND_RESERVE) / h;
    this.camera.setViewOffset(w + LEGEND_RESERVE, h, LEGEND_RESERVE, 0, w, h);
    this.camera.zoom = Math.min(0.92, (0.9 * free) / (SCENE_ASPECT * h));
    this.camera.updateProjectionMatrix();
    // The tick count depends on the canvas size: rebuild the axes (which also sizes their labels).
    if (this.axesArgs) this.buildAxes(...this.axesArgs);
    else this.sizeLabels();
    for (const m of this.lineMaterials) m.resolution.set(w, h);
    this.dirty = true;
  }

  setBackground(color: string, dark: boolean): void {
    this.scene.background = new THREE.Color(color);
    this.wireMat.color.set(dark ? 0xffffff : 0x000000);
    this.wireMat.opacity = dark ? 0.12 : 0.18;
    // Axis labels and the floor grid are coloured for the theme: rebuild them.
    if (this.axesArgs) this.buildAxes(...this.axesArgs);
    this.dirty = true;
  }

  /** Update the mesh in place (reallocating only when the grid size changes). */
  setSurface(
    alpha: Float64Array,
    beta: Float64Array,
    loss: Float64Array,
    mapping: SurfaceMapping,
    table: Float32Array,
    plateau: Uint8Array | null,
    wireframe: boolean,
    axisNames: readonly [string, string] = ['α', 'β'],
  ): void {
    const na = alpha.length;
    const nb = beta.length;
    this.mapping = mapping;
    if (this.gridSize[0] !== na || this.gridSize[1] !== nb) {
      this.geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(na * nb * 3), 3));
      this.geometry.setAttribute('color', new THREE.BufferAttribute(new Float32Array(na * nb * 3), 3));
      this.geometry.setIndex(new THREE.BufferAttribute(gridIndices(na, nb), 1));
      this.gridSize = [na, nb];
    }
    const pos = this.geometry.getAttribute('position') as THREE.BufferAttribute;
    const col = this.geometry.getAttribute('color') as THREE.BufferAttribute;
    fillSurface(
      loss,
      alpha,
      beta,
      mapping,
      table,
      plateau,
      pos.array as Float32Array,
      col.array as Float32Array,
    );
    pos.needsUpdate = true;
    col.needsUpdate = true;
    this.geometry.computeVertexNormals();
    this.geometry.computeBoundingSphere();
    this.mesh.visible = true;
    this.wire.visible = wireframe;
    this.buildAxes(alpha, beta, mapping, axisNames);
    this.dirty = true;
  }

  clearSurface(): void {
    this.mesh.visible = false;
    this.wire.visible = false;
    disposeGroup(this.contourGroup);
    disposeGroup(this.axisGroup);
    disposeGroup(this.criticalGroup);
    this.mapping = null;
    this.axesArgs = null;
    this.dirty = true;
  }

  private axesArgs: [Float64Array, Float64Array, SurfaceMapping, readonly [string, string]] | null = null;

  /** The vertical axis's name, linear and log (translated by the view). */
  lossAxisLabels: readonly [string, string] = ['loss', 'log₁₀ loss'];

  private buildAxes(
    alpha: Float64Array,
    beta: Float64Array,
    m: SurfaceMapping,
    names: readonly [string, string],
  ): void {
    this.axesArgs = [alpha, beta, m, names];
    disposeGroup(this.axisGroup);
    const dark = this.wireMat.color.getHex() === 0xffffff;
    const color = dark ? '#d8dde6' : '#334';
    // A floor grid gives depth: the surface's height reads against it from any angle.
    const floor = new THREE.GridHelper(2, 10, dark ? 0x4a5366 : 0xb8c0ce, dark ? 0x2a3040 : 0xd9dee7);
    floor.position.y = -0.002;
    this.axisGroup.add(floor);
    const lineMat = new THREE.LineBasicMaterial({ color, transparent: true, opacity: 0.6 });
    const box = new THREE.BufferGeometry().setFromPoints([
      new THREE.Vector3(-1, 0, 1.06),
      new THREE.Vector3(1, 0, 1.06),
      new THREE.Vector3(1.06, 0, -1),
      new THREE.Vector3(1.06, 0, 1),
      new THREE.Vector3(-1.06, 0, -1),
      new THREE.Vector3(-1.06, HEIGHT + 0.1, -1),
    ]);
    this.axisGroup.add(new THREE.LineSegments(box, lineMat));
    const put = (text: string, x: number, y: number, z: number, px = LABEL_PX, anchorRight = false) => {
      const s = textSprite(text, color);
      // A fixed size in pixels: readable on a small canvas, never swelling over the mesh on a large one.
      (s.material as THREE.SpriteMaterial).sizeAttenuation = false;
      s.userData.aspect = s.scale.x / s.scale.y;
      s.userData.px = px;
      if (anchorRight) s.center.set(1, 0.5);
      s.position.set(x, y, z);
      this.axisGroup.add(s);
    };
    // Nice ticks (1-2-5 × 10^k, one format per axis) on both plane axes and on the height axis, each
    // with a short tick mark, so every axis reads as values and not just its two ends.
    const marks: THREE.Vector3[] = [];
    // Fewer ticks on a small canvas, where their labels would run into each other.
    const small = this.host.clientHeight < 320 || this.host.clientWidth < 480;
    const perAxis = small ? 3 : MAX_TICKS;
    const aTicks = niceTicks(alpha[0]!, alpha[alpha.length - 1]!, perAxis);
    for (const tk of aTicks) {
      const x = m.x(tk.value);
      marks.push(new THREE.Vector3(x, 0, 1.06), new THREE.Vector3(x, 0, 1.1));
      put(tk.label, x, 0, 1.17, TICK_PX);
    }
    const bTicks = niceTicks(beta[0]!, beta[beta.length - 1]!, perAxis);
    for (const tk of bTicks) {
      const z = m.z(tk.value);
      marks.push(new THREE.Vector3(1.06, 0, z), new THREE.Vector3(1.1, 0, z));
      put(tk.label, 1.19, 0, z, TICK_PX);
    }
    const hCount = small ? 2 : 4;
    const hTicks: Tick[] = m.log ? logTicksInExponent(m.lo, m.hi, hCount) : niceTicks(m.lo, m.hi, hCount);
    for (const tk of hTicks) {
      const y = ((tk.value - m.lo) / (m.hi - m.lo)) * HEIGHT;
      marks.push(new THREE.Vector3(-1.06, y, -1), new THREE.Vector3(-1.1, y, -1));
      put(tk.label, -1.11, y, -1, TICK_PX, true);
    }
    this.axisGroup.add(new THREE.LineSegments(new THREE.BufferGeometry().setFromPoints(marks), lineMat));
    put(names[0], 0, 0, 1.3);
    put(names[1], 1.34, 0, 0);
    // Above the vertical axis, clear of the mesh, whose back corner often reaches the top.
    put(m.log ? this.lossAxisLabels[1] : this.lossAxisLabels[0], -1.06, HEIGHT + 0.17, -1);
    this.sizeLabels();
  }

  /** Scale the unattenuated label sprites to LABEL_PX on screen (their scale is in clip-space units). */
  private sizeLabels(): void {
    const h = Math.max(1, this.host.clientHeight);
    const perPx = 2 / (this.camera.projectionMatrix.elements[5]! * h);
    this.axisGroup.traverse((o) => {
      if (o instanceof THREE.Sprite && typeof o.userData.aspect === 'number') {
        const sy = perPx * ((o.userData.px as number | undefined) ?? LABEL_PX);
        o.scale.set(sy * o.userData.aspect, sy, 1);
      }
    });
    this.dirty = true;
  }

  setContours(lines: readonly ContourLine[], dark: boolean): void {
    disposeGroup(this.contourGroup);
    const m = this.mapping;
    if (!m || lines.length === 0) return void (this.dirty = true);
    let count = 0;
    for (const l of lines) count += l.points.length / 2 - 1;
    const pos = new Float32Array(count * 6);
    let o = 0;
    for (const l of lines) {
      const y = ((l.level - m.lo) / (m.hi - m.lo)) * HEIGHT + 0.003;
      for (let k = 0; k + 3 < l.points.length; k += 2) {
        pos[o++] = m.x(l.points[k]!);
        pos[o++] = y;
        pos[o++] = m.z(l.points[k + 1]!);
        pos[o++] = m.x(l.points[k + 2]!);
        pos[o++] = y;
        pos[o++] = m.z(l.points[k + 3]!);
      }
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
    this.contourGroup.add(
      new THREE.LineSegments(
        g,
        new THREE.LineBasicMaterial({
          color: dark ? 0xffffff : 0x1a1a1a,
          transparent: true,
          opacity: dark ? 0.35 : 0.45,
        }),
      ),
    );
    this.dirty = true;
  }

  setPaths(paths: readonly ScenePath[], background: string, arrows: boolean): void {
    disposeGroup(this.pathGroup);
    disposeGroup(this.markerGroup);
    this.stepMarkers = [];
    this.paths = paths;
    const m = this.mapping;
    if (!m) return void (this.dirty = true);
    const bg = new THREE.Color(background);
    let startDrawn = false;
    for (const { color, path } of paths) {
      const n = path.steps.length;
      if (n === 0) continue;
      const c = new THREE.Color(color);
      const positions: number[] = [];
      const colors: number[] = [];
      let leftAt = -1;
      for (let k = 0; k < n; k++) {
        const x = m.x(path.alpha[k]!);
        const y = m.y(path.loss[k]!) + 0.006;
        const z = m.z(path.beta[k]!);
        // A path that leaves the view (a diverging run) stops at the edge instead of streaking across it.
        if (!(Math.abs(x) <= 1.5 && Math.abs(z) <= 1.5 && y <= 1.6 && y >= -0.6)) {
          leftAt = k;
          break;
        }
        positions.push(x, y, z);
        // Off-plane points fade a little toward the background: the path is not on this surface there
        // (but stays in its own, recognisable colour).
        const fade = Math.min(0.3, path.offPlane[k]! * 1.5);
        const mix = c.clone().lerp(bg, fade);
        colors.push(mix.r, mix.g, mix.b);
      }
      if (positions.length === 0) continue;
      if (positions.length === 3) {
        positions.push(...positions.slice(0, 3));
        colors.push(...colors.slice(0, 3));
      }
      const geo = new LineGeometry();
      geo.setPositions(positions);
      geo.setColors(colors);
      const line = new Line2(geo, this.pathMat);
      line.computeLineDistances();
      line.renderOrder = 5;
      this.pathGroup.add(line);
      // A dashed ghost drawn through the surface: where the true loss lies below the slice (the path
      // left the plane), the path is still seen, dashed, rather than hidden or glued onto the surface.
      const ghost = new Line2(geo, this.ghostMat);
      ghost.computeLineDistances();
      ghost.renderOrder = 4;
      this.pathGroup.add(ghost);
      if (!startDrawn) {
        const s = symbolSprite('start', '#ffffff', 0.07);
        s.position.set(positions[0]!, positions[1]! + 0.01, positions[2]!);
        this.markerGroup.add(s);
        startDrawn = true;
      }
      const e = positions.length - 3;
      if (leftAt > 0) this.addExitArrow(path, leftAt, positions.slice(e), c);
      else {
        // The same ▼ as on the top-down map, in the run's colour, seen through the mesh.
        const end = symbolSprite('end', color, 0.06);
        end.position.set(positions[e]!, positions[e + 1]! + 0.02, positions[e + 2]!);
        this.markerGroup.add(end);
      }
      // The ball at the scrubbed step: a ringed disc that stays visible over the mesh and the paths.
      const cur = symbolSprite('ball', color, 0.065);
      cur.renderOrder = 14;
      this.markerGroup.add(cur);
      this.stepMarkers.push({ mesh: cur, path });
      if (arrows) this.addArrows(path, m, c, positions.length / 3);
    }
    this.dirty = true;
  }

  /**
   * Where a path leaves the view (a diverging run), an arrow at its last shown point pointing the way it
   * went, instead of an end marker: the run did not end there.
   */
  private addExitArrow(path: SlicePath, k: number, last: number[], c: THREE.Color): void {
    const m = this.mapping!;
    const dir = new THREE.Vector3(
      m.x(path.alpha[k]!) - last[0]!,
      Number.isFinite(path.loss[k]!) ? m.y(path.loss[k]!) - last[1]! : 1,
      m.z(path.beta[k]!) - last[2]!,
    );
    if (!(dir.length() > 0) || !Number.isFinite(dir.length())) dir.set(0, 1, 0);
    const cone = new THREE.Mesh(this.arrowGeo, this.arrowMat(c));
    cone.scale.setScalar(1.8);
    cone.position.set(last[0]!, last[1]!, last[2]!);
    cone.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir.normalize());
    cone.renderOrder = 9;
    this.pathGroup.add(cone);
  }

  private markerMat(color: string, glow: number): THREE.Material {
    const key = `${color}:${glow}`;
    let m = this.markerMats.get(key);
    if (!m) {
      m = new THREE.MeshStandardMaterial({ color, emissive: color, emissiveIntensity: glow });
      this.markerMats.set(key, m);
    }
    return m;
  }

  /**
   * Arrow heads along a path showing which way it went: spaced evenly along its length on screen (early
   * steps are long, late ones tiny), drawn over the mesh so paths under the slice show them too.
   */
  private addArrows(path: SlicePath, m: SurfaceMapping, c: THREE.Color, shown: number): void {
    const pts: THREE.Vector3[] = [];
    for (let k = 0; k < shown; k++)
      pts.push(new THREE.Vector3(m.x(path.alpha[k]!), m.y(path.loss[k]!) + 0.006, m.z(path.beta[k]!)));
    let total = 0;
    for (let k = 1; k < pts.length; k++) total += pts[k]!.distanceTo(pts[k - 1]!);
    if (!(total > 0.05)) return;
    const heads = Math.min(12, Math.max(2, Math.round(total / 0.18)));
    const mat = this.arrowMat(c);
    let walked = 0;
    let next = total / (heads + 1);
    for (let k = 1; k < pts.length && next < total; k++) {
      const seg = pts[k]!.distanceTo(pts[k - 1]!);
      while (seg > 0 && walked + seg >= next && next < total) {
        const at = pts[k - 1]!.clone().lerp(pts[k]!, (next - walked) / seg);
        const dir = pts[k]!.clone()
          .sub(pts[k - 1]!)
          .normalize();
        const cone = new THREE.Mesh(this.arrowGeo, mat);
        cone.position.copy(at);
        cone.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir);
        cone.renderOrder = 9;
        this.pathGroup.add(cone);
        next += total / (heads + 1);
      }
      walked += seg;
    }
  }

  private readonly arrowGeo = Object.assign(new THREE.ConeGeometry(0.025, 0.07, 14), {
    userData: { shared: true },
  });

  private arrowMat(c: THREE.Color): THREE.Material {
    const key = `arrow:${c.getHexString()}`;
    let mat = this.markerMats.get(key);
    if (!mat) {
      mat = new THREE.MeshBasicMaterial({ color: c, depthTest: false, transparent: true });
      this.markerMats.set(key, mat);
    }
    return mat;
  }

  /** Move each run's current marker to the snapshot at `step` (null: the last one). */
  setStep(step: number | null): void {
    const m = this.mapping;
    if (!m) return;
    for (const { mesh, path } of this.stepMarkers) {
      const k = step === null ? path.steps.length - 1 : snapshotAt(path.steps, step);
      mesh.visible = k >= 0;
      if (k < 0) continue;
      mesh.position.set(m.x(path.alpha[k]!), m.y(path.loss[k]!) + 0.01, m.z(path.beta[k]!));
    }
    this.dirty = true;
  }

  /** The nudged elastic band between two minima, drawn at its true loss with a bead per image. */
  setBand(band: { alpha: readonly number[]; beta: readonly number[]; loss: readonly number[] } | null): void {
    disposeGroup(this.nebGroup);
    const m = this.mapping;
    if (!m || !band) return void (this.dirty = true);
    const pts: number[] = [];
    for (let k = 0; k < band.alpha.length; k++)
      pts.push(m.x(band.alpha[k]!), m.y(band.loss[k]!) + 0.008, m.z(band.beta[k]!));
    const geo = new LineGeometry();
    geo.setPositions(pts);
    geo.setColors(pts.map(() => 1));
    const line = new Line2(geo, this.ghostMat);
    line.computeLineDistances();
    this.nebGroup.add(line);
    for (let k = 0; k < pts.length; k += 3) {
      const bead = new THREE.Mesh(new THREE.SphereGeometry(0.012, 12, 8), this.markerMat('#c43bb4', 0.5));
      bead.position.set(pts[k]!, pts[k + 1]!, pts[k + 2]!);
      this.nebGroup.add(bead);
    }
    this.dirty = true;
  }

  setCritical(points: readonly SliceCritical[], selected: number | null): void {
    disposeGroup(this.criticalGroup);
    const m = this.mapping;
    if (!m) return;
    points.forEach((p, i) => {
      const s = symbolSprite(
        criticalSymbol(p.kind),
        i === selected ? '#ffd400' : '#ffffff',
        i === selected ? 0.06 : 0.045,
      );
      s.position.set(m.x(p.alpha), m.y(p.loss) + 0.02, m.z(p.beta));
      s.userData.critical = i;
      this.criticalGroup.add(s);
    });
    this.dirty = true;
  }

  setPointers(
    hover: PlanePoint | null,
    pinned: PlanePoint | null,
    heightAt: (p: PlanePoint) => number,
  ): void {
    const m = this.mapping;
    for (const [marker, p] of [
      [this.hoverMarker, hover],
      [this.pinMarker, pinned],
    ] as const) {
      marker.visible = !!(m && p);
      if (m && p) marker.position.set(m.x(p.alpha), m.y(heightAt(p)) + 0.004, m.z(p.beta));
    }
    this.dirty = true;
  }

  private pick(e: PointerEvent): THREE.Intersection[] {
    const r = this.renderer.domElement.getBoundingClientRect();
    const ndc = new THREE.Vector2(
      ((e.clientX - r.left) / r.width) * 2 - 1,
      -((e.clientY - r.top) / r.height) * 2 + 1,
    );
    this.raycaster.setFromCamera(ndc, this.camera);
    return this.raycaster.intersectObject(this.mesh, false);
  }

  private hover(e: PointerEvent): void {
    const m = this.mapping;
    if (!m || !this.mesh.visible) return;
    const hit = this.pick(e)[0];
    if (!hit) {
      this.callbacks.onHover(null);
      return;
    }
    this.callbacks.onHover({ alpha: m.alphaOf(hit.point.x), beta: m.betaOf(hit.point.z) });
  }

  private click(e: PointerEvent): void {
    const m = this.mapping;
    if (!m) return;
    const r = this.renderer.domElement.getBoundingClientRect();
    const ndc = new THREE.Vector2(
      ((e.clientX - r.left) / r.width) * 2 - 1,
      -((e.clientY - r.top) / r.height) * 2 + 1,
    );
    this.raycaster.setFromCamera(ndc, this.camera);
    const crit = this.raycaster.intersectObjects(this.criticalGroup.children, false)[0];
    if (crit) {
      this.callbacks.onPickCritical(crit.object.userData.critical as number);
      return;
    }
    const hit = this.pick(e)[0];
    if (hit) this.callbacks.onClick({ alpha: m.alphaOf(hit.point.x), beta: m.betaOf(hit.point.z) });
  }

  resetCamera(): void {
    this.camera.position.set(2.15, 1.85, 2.55);
    this.controls.target.set(0, HEIGHT * 0.2, 0);
    this.controls.update();
    this.dirty = true;
  }

  /** The canvas with the current picture freshly rendered (for export). */
  snapshot(): HTMLCanvasElement {
    this.renderer.render(this.scene, this.camera);
    return this.renderer.domElement;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.controls.dispose();
    for (const g of [
      this.contourGroup,
      this.pathGroup,
      this.markerGroup,
      this.criticalGroup,
      this.axisGroup,
      this.nebGroup,
    ])
      disposeGroup(g);
    this.geometry.dispose();
    this.arrowGeo.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
    void this.paths;
  }
}
