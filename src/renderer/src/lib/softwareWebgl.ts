/**
 * Whether WebGL is rendered in software here (SwiftShader, llvmpipe: virtual machines, machines without
 * a usable GPU, the test browser). Multisampling there costs several times the rest of a frame, so the
 * surface is drawn without it. Probed once on a throwaway canvas.
 */
let cached: boolean | undefined;

export function isSoftwareWebgl(): boolean {
  if (cached !== undefined) return cached;
  cached = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2') as WebGL2RenderingContext | null;
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      cached = /swiftshader|llvmpipe|software|softpipe/i.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all: the scene reports that itself.
  }
  return cached;
}
