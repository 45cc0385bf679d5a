/**
 * The Content-Security-Policy the app protocol sends with every response (the HTML also carries it in a
 * meta tag). No 'unsafe-eval': nothing in Relief evaluates strings (expressions use their own compiler).
 * 'wasm-unsafe-eval' allows compiling WebAssembly (the SIMD training kernels, bundled as bytes) and
 * nothing else. 'unsafe-inline' for styles only, which React's style attributes need.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
