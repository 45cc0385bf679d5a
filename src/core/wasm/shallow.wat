;; SIMD kernels for one-hidden-layer networks of one or two inputs with a piecewise-linear activation
;; act(z) = z > 0 ? z : s·z, 0 <= s <= 1 (relu s = 0, leakyRelu, linear s = 1).
;;
;; Two float64 lanes per v128. Source of the bytes in shallowBytes.ts (`npm run wasm` rebuilds them; a
;; test checks they are current). The caller (shallowWasm.ts) lays out, in this module's memory:
;;   P  parameters [w(H) b(H) v(H) c]          X  inputs, n4 = n rounded up to 4, padding 0
;;   Y  targets (n)                              F  outputs (n4)
;;   D  scale·(f - y) (n4, padding 0)           DS s·D (n4, padding 0)
;;   G  per-unit Σ act'(z)·d and Σ act'(z)·d·x (2H), then Σ d
;; and Q, the forward pass's copy of the parameters (see "forward"). Pointers are byte offsets,
;; 16-byte aligned. The pre-activation is b + x·w in that order: the
;; expression the exact engine binary-searches and the scalar kernels use, so all agree on which
;; side of a kink a sample lies.
(module
  (memory (export "memory") 1)

;; F[i] = c + Σ_j v_j·act(b_j + x_i·w_j) for i < n4 (n4 a multiple of 4), from the forward layout at pQ:
  ;; v·w (H), v·b (H), c, with the units whose v >= 0 first (nPos of them). Then v·act(z) is
  ;; max(z', s·z') or min(z', s·z') of z' = v·b + x·v·w (0 <= s <= 1): one multiply fewer per sample
  ;; and unit than scaling act(z) by v. (The backward pass uses b + x·w itself, for the kinks.)
  ;; Eight samples per pass over the units where there are eight, then a pass of four.
  (func (export "forward")
    (param $pQ i32) (param $H i32) (param $nPos i32) (param $s f64) (param $pX i32) (param $pF i32)
    (param $n4 i32)
    (local $i i32) (local $k i32) (local $end8 i32) (local $endPos i32) (local $pVB i32) (local $px i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $f0 v128) (local $f1 v128) (local $f2 v128) (local $f3 v128)
    (local $w v128) (local $b v128) (local $sv v128) (local $c v128) (local $z v128)
    (local.set $sv (f64x2.splat (local.get $s)))
    (local.set $pVB (i32.add (local.get $pQ) (i32.shl (local.get $H) (i32.const 3))))
    (local.set $c (v128.load64_splat (i32.add (local.get $pVB) (i32.shl (local.get $H) (i32.const 3)))))
    (local.set $end8 (i32.shl (local.get $H) (i32.const 3)))
    (local.set $endPos (i32.shl (local.get $nPos) (i32.const 3)))
    (block $done8
      (loop $samples8
        (br_if $done8 (i32.gt_u (i32.add (local.get $i) (i32.const 8)) (local.get $n4)))
        (local.set $px (i32.add (local.get $pX) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $x0 (v128.load (local.get $px)))
        (local.set $x1 (v128.load offset=16 (local.get $px)))
        (local.set $x2 (v128.load offset=32 (local.get $px)))
        (local.set $x3 (v128.load offset=48 (local.get $px)))
        (local.set $f0 (local.get $c))
        (local.set $f1 (local.get $c))
        (local.set $f2 (local.get $c))
        (local.set $f3 (local.get $c))
        ;; units with v >= 0: v·act(z) = max(v·z, s·v·z)
        (local.set $k (i32.const 0))
        (block $u8pmaxDone
          (loop $u8pmax
            (br_if $u8pmaxDone (i32.ge_u (local.get $k) (local.get $endPos)))
            (local.set $w (v128.load64_splat (i32.add (local.get $pQ) (local.get $k))))
            (local.set $b (v128.load64_splat (i32.add (local.get $pVB) (local.get $k))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x0) (local.get $w))))
            (local.set $f0 (f64x2.add (local.get $f0)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x1) (local.get $w))))
            (local.set $f1 (f64x2.add (local.get $f1)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x2) (local.get $w))))
            (local.set $f2 (f64x2.add (local.get $f2)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x3) (local.get $w))))
            (local.set $f3 (f64x2.add (local.get $f3)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $u8pmax)))
        ;; units with v < 0: v·act(z) = min(v·z, s·v·z)
        (local.set $k (local.get $endPos))
        (block $u8pminDone
          (loop $u8pmin
            (br_if $u8pminDone (i32.ge_u (local.get $k) (local.get $end8)))
            (local.set $w (v128.load64_splat (i32.add (local.get $pQ) (local.get $k))))
            (local.set $b (v128.load64_splat (i32.add (local.get $pVB) (local.get $k))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x0) (local.get $w))))
            (local.set $f0 (f64x2.add (local.get $f0)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x1) (local.get $w))))
            (local.set $f1 (f64x2.add (local.get $f1)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x2) (local.get $w))))
            (local.set $f2 (f64x2.add (local.get $f2)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x3) (local.get $w))))
            (local.set $f3 (f64x2.add (local.get $f3)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $u8pmin)))
        (local.set $px (i32.add (local.get $pF) (i32.shl (local.get $i) (i32.const 3))))
        (v128.store (local.get $px) (local.get $f0))
        (v128.store offset=16 (local.get $px) (local.get $f1))
        (v128.store offset=32 (local.get $px) (local.get $f2))
        (v128.store offset=48 (local.get $px) (local.get $f3))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $samples8)))
    ;; the last four, if n4 is not a multiple of 8
    (if (i32.lt_u (local.get $i) (local.get $n4))
      (then
        (local.set $px (i32.add (local.get $pX) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $x0 (v128.load (local.get $px)))
        (local.set $x1 (v128.load offset=16 (local.get $px)))
        (local.set $f0 (local.get $c))
        (local.set $f1 (local.get $c))
        ;; units with v >= 0: v·act(z) = max(v·z, s·v·z)
        (local.set $k (i32.const 0))
        (block $u4pmaxDone
          (loop $u4pmax
            (br_if $u4pmaxDone (i32.ge_u (local.get $k) (local.get $endPos)))
            (local.set $w (v128.load64_splat (i32.add (local.get $pQ) (local.get $k))))
            (local.set $b (v128.load64_splat (i32.add (local.get $pVB) (local.get $k))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x0) (local.get $w))))
            (local.set $f0 (f64x2.add (local.get $f0)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x1) (local.get $w))))
            (local.set $f1 (f64x2.add (local.get $f1)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $u4pmax)))
        ;; units with v < 0: v·act(z) = min(v·z, s·v·z)
        (local.set $k (local.get $endPos))
        (block $u4pminDone
          (loop $u4pmin
            (br_if $u4pminDone (i32.ge_u (local.get $k) (local.get $end8)))
            (local.set $w (v128.load64_splat (i32.add (local.get $pQ) (local.get $k))))
            (local.set $b (v128.load64_splat (i32.add (local.get $pVB) (local.get $k))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x0) (local.get $w))))
            (local.set $f0 (f64x2.add (local.get $f0)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (local.get $b) (f64x2.mul (local.get $x1) (local.get $w))))
            (local.set $f1 (f64x2.add (local.get $f1)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $u4pmin)))
        (local.set $px (i32.add (local.get $pF) (i32.shl (local.get $i) (i32.const 3))))
        (v128.store (local.get $px) (local.get $f0))
        (v128.store offset=16 (local.get $px) (local.get $f1)))))

  ;; Σ (F[i] - Y[i])² over i < n.
  (func (export "sse") (param $pF i32) (param $pY i32) (param $n i32) (result f64)
    (local $i i32) (local $e f64) (local $sum f64)
    (block $done
      (loop $samples
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $e (f64.sub
          (f64.load (i32.add (local.get $pF) (i32.shl (local.get $i) (i32.const 3))))
          (f64.load (i32.add (local.get $pY) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $e) (local.get $e))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (local.get $sum))

  ;; Residuals for the backward pass: D[i] = scale·(F[i] - Y[i]), DS[i] = s·D[i] for i < n (the caller
  ;; zeroes the padding); stores Σ D at pSum and returns Σ (F - Y)².
  (func (export "residuals")
    (param $pF i32) (param $pY i32) (param $pD i32) (param $pDS i32) (param $n i32)
    (param $s f64) (param $scale f64) (param $pSum i32) (result f64)
    (local $i i32) (local $o i32) (local $e f64) (local $d f64) (local $sum f64) (local $dsum f64)
    (block $done
      (loop $samples
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (local.set $e (f64.sub
          (f64.load (i32.add (local.get $pF) (local.get $o)))
          (f64.load (i32.add (local.get $pY) (local.get $o)))))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $e) (local.get $e))))
        (local.set $d (f64.mul (local.get $scale) (local.get $e)))
        (local.set $dsum (f64.add (local.get $dsum) (local.get $d)))
        (f64.store (i32.add (local.get $pD) (local.get $o)) (local.get $d))
        (f64.store (i32.add (local.get $pDS) (local.get $o)) (f64.mul (local.get $s) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store (local.get $pSum) (local.get $dsum))
    (local.get $sum))

  ;; For each unit j: G[j] = Σ_i act'(z_ij)·D[i] and G[H + j] = Σ_i act'(z_ij)·D[i]·X[i] over i < n4,
  ;; act'(z)·d = z > 0 ? d : s·d chosen by a lane mask. Units outer, samples inner: the sums stay in
  ;; registers (two sets, so consecutive adds do not wait on each other).
  (func (export "backward")
    (param $pP i32) (param $H i32) (param $pX i32) (param $pD i32) (param $pDS i32) (param $n4 i32)
    (param $pG i32)
    (local $j i32) (local $o i32) (local $end i32) (local $pB i32)
    (local $w v128) (local $b v128) (local $zero v128)
    (local $x0 v128) (local $x1 v128) (local $a0 v128) (local $a1 v128)
    (local $g0a v128) (local $g0b v128) (local $g1a v128) (local $g1b v128)
    (local.set $pB (i32.add (local.get $pP) (i32.shl (local.get $H) (i32.const 3))))
    (local.set $end (i32.shl (local.get $n4) (i32.const 3)))
    (block $unitsDone
      (loop $units
        (br_if $unitsDone (i32.ge_u (local.get $j) (local.get $H)))
        (local.set $w (v128.load64_splat (i32.add (local.get $pP) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $b (v128.load64_splat (i32.add (local.get $pB) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $g0a (local.get $zero))
        (local.set $g0b (local.get $zero))
        (local.set $g1a (local.get $zero))
        (local.set $g1b (local.get $zero))
        (local.set $o (i32.const 0))
        (block $samplesDone
          (loop $samples
            (br_if $samplesDone (i32.ge_u (local.get $o) (local.get $end)))
            (local.set $x0 (v128.load (i32.add (local.get $pX) (local.get $o))))
            (local.set $x1 (v128.load offset=16 (i32.add (local.get $pX) (local.get $o))))
            (local.set $a0 (v128.bitselect
              (v128.load (i32.add (local.get $pD) (local.get $o)))
              (v128.load (i32.add (local.get $pDS) (local.get $o)))
              (f64x2.gt (f64x2.add (local.get $b) (f64x2.mul (local.get $x0) (local.get $w))) (local.get $zero))))
            (local.set $a1 (v128.bitselect
              (v128.load offset=16 (i32.add (local.get $pD) (local.get $o)))
              (v128.load offset=16 (i32.add (local.get $pDS) (local.get $o)))
              (f64x2.gt (f64x2.add (local.get $b) (f64x2.mul (local.get $x1) (local.get $w))) (local.get $zero))))
            (local.set $g0a (f64x2.add (local.get $g0a) (local.get $a0)))
            (local.set $g0b (f64x2.add (local.get $g0b) (local.get $a1)))
            (local.set $g1a (f64x2.add (local.get $g1a) (f64x2.mul (local.get $a0) (local.get $x0))))
            (local.set $g1b (f64x2.add (local.get $g1b) (f64x2.mul (local.get $a1) (local.get $x1))))
            (local.set $o (i32.add (local.get $o) (i32.const 32)))
            (br $samples)))
        (local.set $g0a (f64x2.add (local.get $g0a) (local.get $g0b)))
        (local.set $g1a (f64x2.add (local.get $g1a) (local.get $g1b)))
        (f64.store (i32.add (local.get $pG) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $g0a)) (f64x2.extract_lane 1 (local.get $g0a))))
        (f64.store (i32.add (local.get $pG) (i32.shl (i32.add (local.get $j) (local.get $H)) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $g1a)) (f64x2.extract_lane 1 (local.get $g1a))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $units))))

  ;; Two inputs. The samples' coordinates arrive split into X1 and X2 (n4 each, padding 0); the
  ;; pre-activation is (b + x1·w1) + x2·w2, the order the JavaScript kernel uses.

  ;; F[i] for i < n4 from the forward layout at pQ: v·w1 (H), v·w2 (H), v·b (H), c, units with v >= 0
  ;; first (nPos of them); as "forward", with four samples per pass.
  (func (export "forward2")
    (param $pQ i32) (param $H i32) (param $nPos i32) (param $s f64) (param $pX1 i32) (param $pX2 i32)
    (param $pF i32) (param $n4 i32)
    (local $i i32) (local $k i32) (local $o i32) (local $end8 i32) (local $endPos i32)
    (local $pQ2 i32) (local $pVB i32)
    (local $a0 v128) (local $a1 v128) (local $c0 v128) (local $c1 v128) (local $f0 v128) (local $f1 v128)
    (local $w v128) (local $u v128) (local $b v128) (local $sv v128) (local $cc v128) (local $z v128)
    (local.set $sv (f64x2.splat (local.get $s)))
    (local.set $pQ2 (i32.add (local.get $pQ) (i32.shl (local.get $H) (i32.const 3))))
    (local.set $pVB (i32.add (local.get $pQ2) (i32.shl (local.get $H) (i32.const 3))))
    (local.set $cc (v128.load64_splat (i32.add (local.get $pVB) (i32.shl (local.get $H) (i32.const 3)))))
    (local.set $end8 (i32.shl (local.get $H) (i32.const 3)))
    (local.set $endPos (i32.shl (local.get $nPos) (i32.const 3)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_u (local.get $i) (local.get $n4)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (local.set $a0 (v128.load (i32.add (local.get $pX1) (local.get $o))))
        (local.set $a1 (v128.load offset=16 (i32.add (local.get $pX1) (local.get $o))))
        (local.set $c0 (v128.load (i32.add (local.get $pX2) (local.get $o))))
        (local.set $c1 (v128.load offset=16 (i32.add (local.get $pX2) (local.get $o))))
        (local.set $f0 (local.get $cc))
        (local.set $f1 (local.get $cc))
        ;; units with v >= 0
        (local.set $k (i32.const 0))
        (block $upmaxDone
          (loop $upmax
            (br_if $upmaxDone (i32.ge_u (local.get $k) (local.get $endPos)))
            (local.set $w (v128.load64_splat (i32.add (local.get $pQ) (local.get $k))))
            (local.set $u (v128.load64_splat (i32.add (local.get $pQ2) (local.get $k))))
            (local.set $b (v128.load64_splat (i32.add (local.get $pVB) (local.get $k))))
            (local.set $z (f64x2.add (f64x2.add (local.get $b) (f64x2.mul (local.get $a0) (local.get $w)))
              (f64x2.mul (local.get $c0) (local.get $u))))
            (local.set $f0 (f64x2.add (local.get $f0)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (f64x2.add (local.get $b) (f64x2.mul (local.get $a1) (local.get $w)))
              (f64x2.mul (local.get $c1) (local.get $u))))
            (local.set $f1 (f64x2.add (local.get $f1)
              (f64x2.pmax (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $upmax)))
        ;; units with v < 0
        (local.set $k (local.get $endPos))
        (block $upminDone
          (loop $upmin
            (br_if $upminDone (i32.ge_u (local.get $k) (local.get $end8)))
            (local.set $w (v128.load64_splat (i32.add (local.get $pQ) (local.get $k))))
            (local.set $u (v128.load64_splat (i32.add (local.get $pQ2) (local.get $k))))
            (local.set $b (v128.load64_splat (i32.add (local.get $pVB) (local.get $k))))
            (local.set $z (f64x2.add (f64x2.add (local.get $b) (f64x2.mul (local.get $a0) (local.get $w)))
              (f64x2.mul (local.get $c0) (local.get $u))))
            (local.set $f0 (f64x2.add (local.get $f0)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $z (f64x2.add (f64x2.add (local.get $b) (f64x2.mul (local.get $a1) (local.get $w)))
              (f64x2.mul (local.get $c1) (local.get $u))))
            (local.set $f1 (f64x2.add (local.get $f1)
              (f64x2.pmin (local.get $z) (f64x2.mul (local.get $z) (local.get $sv)))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $upmin)))
        (v128.store (i32.add (local.get $pF) (local.get $o)) (local.get $f0))
        (v128.store offset=16 (i32.add (local.get $pF) (local.get $o)) (local.get $f1))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $samples))))

  ;; For each unit j: G[j] = Σ act'(z)·D, G[H + j] = Σ act'(z)·D·x1, G[2H + j] = Σ act'(z)·D·x2 over
  ;; i < n4, with P in the parameter layout [w1(H) w2(H) b(H) v(H) c].
  (func (export "backward2")
    (param $pP i32) (param $H i32) (param $pX1 i32) (param $pX2 i32) (param $pD i32) (param $pDS i32)
    (param $n4 i32) (param $pG i32)
    (local $j i32) (local $o i32) (local $end i32) (local $o8 i32)
    (local $w v128) (local $u v128) (local $b v128) (local $zero v128)
    (local $a0 v128) (local $a1 v128) (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local $g0 v128) (local $g1 v128) (local $g2 v128) (local $h0 v128) (local $h1 v128) (local $h2 v128)
    (local.set $end (i32.shl (local.get $n4) (i32.const 3)))
    (block $unitsDone
      (loop $units
        (br_if $unitsDone (i32.ge_u (local.get $j) (local.get $H)))
        (local.set $o8 (i32.shl (local.get $j) (i32.const 3)))
        (local.set $w (v128.load64_splat (i32.add (local.get $pP) (local.get $o8))))
        (local.set $u (v128.load64_splat (i32.add (i32.add (local.get $pP) (i32.shl (local.get $H) (i32.const 3)))
          (local.get $o8))))
        (local.set $b (v128.load64_splat (i32.add (i32.add (local.get $pP) (i32.shl (local.get $H) (i32.const 4)))
          (local.get $o8))))
        (local.set $g0 (local.get $zero))
        (local.set $g1 (local.get $zero))
        (local.set $g2 (local.get $zero))
        (local.set $h0 (local.get $zero))
        (local.set $h1 (local.get $zero))
        (local.set $h2 (local.get $zero))
        (local.set $o (i32.const 0))
        (block $samplesDone
          (loop $samples
            (br_if $samplesDone (i32.ge_u (local.get $o) (local.get $end)))
            (local.set $a0 (v128.load (i32.add (local.get $pX1) (local.get $o))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $pX1) (local.get $o))))
            (local.set $c0 (v128.load (i32.add (local.get $pX2) (local.get $o))))
            (local.set $c1 (v128.load offset=16 (i32.add (local.get $pX2) (local.get $o))))
            (local.set $d0 (v128.bitselect
              (v128.load (i32.add (local.get $pD) (local.get $o)))
              (v128.load (i32.add (local.get $pDS) (local.get $o)))
              (f64x2.gt (f64x2.add (f64x2.add (local.get $b) (f64x2.mul (local.get $a0) (local.get $w)))
                (f64x2.mul (local.get $c0) (local.get $u))) (local.get $zero))))
            (local.set $d1 (v128.bitselect
              (v128.load offset=16 (i32.add (local.get $pD) (local.get $o)))
              (v128.load offset=16 (i32.add (local.get $pDS) (local.get $o)))
              (f64x2.gt (f64x2.add (f64x2.add (local.get $b) (f64x2.mul (local.get $a1) (local.get $w)))
                (f64x2.mul (local.get $c1) (local.get $u))) (local.get $zero))))
            (local.set $g0 (f64x2.add (local.get $g0) (local.get $d0)))
            (local.set $h0 (f64x2.add (local.get $h0) (local.get $d1)))
            (local.set $g1 (f64x2.add (local.get $g1) (f64x2.mul (local.get $d0) (local.get $a0))))
            (local.set $h1 (f64x2.add (local.get $h1) (f64x2.mul (local.get $d1) (local.get $a1))))
            (local.set $g2 (f64x2.add (local.get $g2) (f64x2.mul (local.get $d0) (local.get $c0))))
            (local.set $h2 (f64x2.add (local.get $h2) (f64x2.mul (local.get $d1) (local.get $c1))))
            (local.set $o (i32.add (local.get $o) (i32.const 32)))
            (br $samples)))
        (local.set $g0 (f64x2.add (local.get $g0) (local.get $h0)))
        (local.set $g1 (f64x2.add (local.get $g1) (local.get $h1)))
        (local.set $g2 (f64x2.add (local.get $g2) (local.get $h2)))
        (f64.store (i32.add (local.get $pG) (local.get $o8))
          (f64.add (f64x2.extract_lane 0 (local.get $g0)) (f64x2.extract_lane 1 (local.get $g0))))
        (f64.store (i32.add (i32.add (local.get $pG) (i32.shl (local.get $H) (i32.const 3))) (local.get $o8))
          (f64.add (f64x2.extract_lane 0 (local.get $g1)) (f64x2.extract_lane 1 (local.get $g1))))
        (f64.store (i32.add (i32.add (local.get $pG) (i32.shl (local.get $H) (i32.const 4))) (local.get $o8))
          (f64.add (f64x2.extract_lane 0 (local.get $g2)) (f64x2.extract_lane 1 (local.get $g2))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $units))))
)
