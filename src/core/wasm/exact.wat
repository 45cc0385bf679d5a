;; The exact engine's hot path (engine/exactKernel.ts has the same algorithm in JavaScript, with the
;; explanation): per unit the split index in the sorted samples, the units ordered by split, then
;; one walk over the pieces between splits using prefix sums. Used by engine/exactWasm.ts, which
;; keeps one instance per set of sorted samples; all pointers are byte offsets into its memory.
;;
;; A sample i is on the "after" side of unit j's split when (b + x_i·w > 0) != (w < 0): the same
;; floating-point expression as the dense kernels, so both engines agree on every kink. That test is
;; written out at each use (V8 does not inline calls between WebAssembly functions here).
(module
  (memory (export "memory") 1)

  ;; First index in [0, n] on the after side, galloping out from `guess`, then bisecting.
  (func $findSplit (param $pX i32) (param $n i32) (param $w f64) (param $b f64) (param $neg i32)
    (param $guess i32) (result i32)
    (local $g i32) (local $lo i32) (local $hi i32) (local $step i32)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
    (local.set $g (local.get $guess))
    (if (i32.lt_s (local.get $g) (i32.const 0)) (then (local.set $g (i32.const 0))))
    (if (i32.ge_s (local.get $g) (local.get $n)) (then (local.set $g (i32.sub (local.get $n) (i32.const 1)))))
    (local.set $step (i32.const 1))
    (if (i32.ne (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
              (f64.load (i32.add (local.get $pX) (i32.shl (local.get $g) (i32.const 3)))))) (f64.const 0)) (local.get $neg))
      (then
        (local.set $hi (local.get $g))
        (block $out
          (loop $down
            (local.set $lo (i32.sub (local.get $hi) (local.get $step)))
            (if (i32.lt_s (local.get $lo) (i32.const 0))
              (then (local.set $lo (i32.const -1)) (br $out)))
            (br_if $out (i32.eqz
              (i32.ne (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
              (f64.load (i32.add (local.get $pX) (i32.shl (local.get $lo) (i32.const 3)))))) (f64.const 0)) (local.get $neg))))
            (local.set $hi (local.get $lo))
            (local.set $step (i32.shl (local.get $step) (i32.const 1)))
            (br $down))))
      (else
        (local.set $lo (local.get $g))
        (block $out
          (loop $up
            (local.set $hi (i32.add (local.get $lo) (local.get $step)))
            (if (i32.ge_s (local.get $hi) (local.get $n))
              (then (local.set $hi (local.get $n)) (br $out)))
            (br_if $out
              (i32.ne (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
              (f64.load (i32.add (local.get $pX) (i32.shl (local.get $hi) (i32.const 3)))))) (f64.const 0)) (local.get $neg)))
            (local.set $lo (local.get $hi))
            (local.set $step (i32.shl (local.get $step) (i32.const 1)))
            (br $up)))))
    (block $found
      (loop $bisect
        (br_if $found (i32.le_s (i32.sub (local.get $hi) (local.get $lo)) (i32.const 1)))
        (local.set $g (i32.shr_s (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
        (if (i32.ne (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
              (f64.load (i32.add (local.get $pX) (i32.shl (local.get $g) (i32.const 3)))))) (f64.const 0)) (local.get $neg))
          (then (local.set $hi (local.get $g)))
          (else (local.set $lo (local.get $g))))
        (br $bisect)))
    (local.get $hi))

;; Per unit: the split (warm-started from the previous one in pSplit), act' before/after it (kB, kA),
  ;; and the walk's inputs: what crossing the split adds to the residual line's slope and intercept
  ;; (dA = (kA - kB)·v·w, dC = (kA - kB)·v·b) and, at pAC, the line's A and C at the first sample
  ;; (C with the raw, uncentred y in mind).
  ;; Then the units sorted by (split, index) by insertion from the previous order. Returns 1, or 0
  ;; when the order moved too far for insertion (the caller then sorts it).
  (func (export "splits")
    (param $pP i32) (param $H i32) (param $pX i32) (param $n i32) (param $pGuide i32)
    (param $x0 f64) (param $gscale f64) (param $slope f64)
    (param $pSplit i32) (param $pOrder i32) (param $pKB i32) (param $pKA i32)
    (param $pDA i32) (param $pDC i32) (param $pAC i32) (result i32)
    (local $j i32) (local $o8 i32) (local $o4 i32) (local $w f64) (local $b f64) (local $neg i32)
    (local $m i32) (local $ka f64) (local $kb f64) (local $kf f64) (local $guess i32) (local $lim i32)
    (local $v f64) (local $vw f64) (local $vb f64) (local $d f64) (local $f f64) (local $A f64) (local $C f64)
    (local $k i32) (local $i i32) (local $u i32) (local $mj i32) (local $mo i32) (local $moves i32)
    (local $limit i32) (local $pB i32) (local $pV i32)
    (local.set $pB (i32.add (local.get $pP) (i32.shl (local.get $H) (i32.const 3))))
    (local.set $pV (i32.add (local.get $pB) (i32.shl (local.get $H) (i32.const 3))))
    ;; the output bias c; y is not centred here (walk centres it for the expanded form)
    (local.set $C (f64.load (i32.add (local.get $pV) (i32.shl (local.get $H) (i32.const 3)))))
    (block $unitsDone
      (loop $units
        (br_if $unitsDone (i32.ge_u (local.get $j) (local.get $H)))
        (local.set $o8 (i32.shl (local.get $j) (i32.const 3)))
        (local.set $o4 (i32.shl (local.get $j) (i32.const 2)))
        (local.set $w (f64.load (i32.add (local.get $pP) (local.get $o8))))
        (local.set $b (f64.load (i32.add (local.get $pB) (local.get $o8))))
        (block $next
          (if (f64.eq (local.get $slope) (f64.const 1))
            (then
              ;; linear: no kink at all
              (local.set $m (i32.const 0))
              (local.set $kb (f64.const 1))
              (local.set $ka (f64.const 1))
              (br $next)))
          (if (i32.or (f64.eq (local.get $w) (f64.const 0)) (f64.ne (local.get $w) (local.get $w)))
            (then
              ;; constant pre-activation b: active everywhere or nowhere
              (local.set $m (select (i32.const 0) (local.get $n) (f64.gt (local.get $b) (f64.const 0))))
              (local.set $kb (local.get $slope))
              (local.set $ka (f64.const 1))
              (br $next)))
          (local.set $neg (f64.lt (local.get $w) (f64.const 0)))
          (local.set $kb (select (f64.const 1) (local.get $slope) (local.get $neg)))
          (local.set $ka (select (local.get $slope) (f64.const 1) (local.get $neg)))
          ;; Most splits stay put or move a sample or two per optimizer step: check the previous
          ;; split, then scan up to 4 samples the way the check points (the side test is written out:
          ;; this runs for every unit on every call). Farther moves, and no previous split, use the guide.
          (local.set $m (i32.load (i32.add (local.get $pSplit) (local.get $o4))))
          (if (i32.le_u (local.get $m) (local.get $n))
            (then
              (block $stale
                (if (i32.gt_u (local.get $m) (i32.const 0))
                  (then
                    (if (i32.ne
                        (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
                          (f64.load (i32.add (local.get $pX) (i32.shl (i32.sub (local.get $m) (i32.const 1)) (i32.const 3)))))) (f64.const 0))
                        (local.get $neg))
                      (then
                        ;; sample m-1 is after the split: it moved left
                        (local.set $lim (i32.sub (local.get $m) (i32.const 4)))
                        (loop $left
                          (local.set $m (i32.sub (local.get $m) (i32.const 1)))
                          (if (i32.gt_s (local.get $m) (i32.const 0))
                            (then
                              (br_if $stale (i32.le_s (local.get $m) (local.get $lim)))
                              (br_if $left (i32.ne
                                  (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
                                    (f64.load (i32.add (local.get $pX) (i32.shl (i32.sub (local.get $m) (i32.const 1)) (i32.const 3)))))) (f64.const 0))
                                  (local.get $neg))))))
                        (br $next)))))
                (if (i32.lt_u (local.get $m) (local.get $n))
                  (then
                    (if (i32.eqz (i32.ne
                        (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
                          (f64.load (i32.add (local.get $pX) (i32.shl (local.get $m) (i32.const 3)))))) (f64.const 0))
                        (local.get $neg)))
                      (then
                        ;; sample m is before the split: it moved right
                        (local.set $lim (i32.add (local.get $m) (i32.const 4)))
                        (loop $right
                          (local.set $m (i32.add (local.get $m) (i32.const 1)))
                          (if (i32.lt_s (local.get $m) (local.get $n))
                            (then
                              (br_if $stale (i32.ge_s (local.get $m) (local.get $lim)))
                              (br_if $right (i32.eqz (i32.ne
                                  (f64.gt (f64.add (local.get $b) (f64.mul (local.get $w)
                                    (f64.load (i32.add (local.get $pX) (i32.shl (local.get $m) (i32.const 3)))))) (f64.const 0))
                                  (local.get $neg)))))))
                        (br $next)))))
                (br $next))))
          ;; the index guide's entry for the kink -b/w, then a gallop and bisection from there
          (local.set $kf (f64.mul (f64.sub (f64.div (f64.neg (local.get $b)) (local.get $w)) (local.get $x0))
            (local.get $gscale)))
          (local.set $guess (i32.const 0))
          (if (f64.gt (local.get $kf) (f64.const 0))
            (then
              (if (f64.lt (local.get $kf) (f64.convert_i32_s (local.get $n)))
                (then (local.set $guess (i32.load (i32.add (local.get $pGuide)
                  (i32.shl (i32.trunc_f64_s (local.get $kf)) (i32.const 2))))))
                (else (local.set $guess (local.get $n))))))
          (local.set $m (call $findSplit (local.get $pX) (local.get $n) (local.get $w) (local.get $b)
            (local.get $neg) (local.get $guess))))
        (i32.store (i32.add (local.get $pSplit) (local.get $o4)) (local.get $m))
        (f64.store (i32.add (local.get $pKB) (local.get $o8)) (local.get $kb))
        (f64.store (i32.add (local.get $pKA) (local.get $o8)) (local.get $ka))
        (local.set $v (f64.load (i32.add (local.get $pV) (local.get $o8))))
        (local.set $vw (f64.mul (local.get $v) (local.get $w)))
        (local.set $vb (f64.mul (local.get $v) (local.get $b)))
        (local.set $d (f64.sub (local.get $ka) (local.get $kb)))
        (f64.store (i32.add (local.get $pDA) (local.get $o8)) (f64.mul (local.get $d) (local.get $vw)))
        (f64.store (i32.add (local.get $pDC) (local.get $o8)) (f64.mul (local.get $d) (local.get $vb)))
        ;; act' at the first sample
        (local.set $f (select (local.get $ka) (local.get $kb) (i32.eqz (local.get $m))))
        (local.set $A (f64.add (local.get $A) (f64.mul (local.get $f) (local.get $vw))))
        (local.set $C (f64.add (local.get $C) (f64.mul (local.get $f) (local.get $vb))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $units)))
    (f64.store (local.get $pAC) (local.get $A))
    (f64.store offset=8 (local.get $pAC) (local.get $C))
    ;; insertion sort of the units by (split, index), from the previous order
    (local.set $limit (i32.add (i32.shl (local.get $H) (i32.const 3)) (i32.const 64)))
    (local.set $k (i32.const 1))
    (block $sorted
      (loop $insert
        (br_if $sorted (i32.ge_s (local.get $k) (local.get $H)))
        (local.set $u (i32.load (i32.add (local.get $pOrder) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $mj (i32.load (i32.add (local.get $pSplit) (i32.shl (local.get $u) (i32.const 2)))))
        (local.set $i (i32.sub (local.get $k) (i32.const 1)))
        (block $placed
          (loop $shift
            (br_if $placed (i32.lt_s (local.get $i) (i32.const 0)))
            (local.set $j (i32.load (i32.add (local.get $pOrder) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $mo (i32.load (i32.add (local.get $pSplit) (i32.shl (local.get $j) (i32.const 2)))))
            (br_if $placed (i32.or (i32.lt_s (local.get $mo) (local.get $mj))
              (i32.and (i32.eq (local.get $mo) (local.get $mj)) (i32.lt_s (local.get $j) (local.get $u)))))
            (i32.store (i32.add (local.get $pOrder) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))
              (local.get $j))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $shift)))
        (i32.store (i32.add (local.get $pOrder) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))
          (local.get $u))
        (local.set $moves (i32.add (local.get $moves)
          (i32.sub (i32.sub (local.get $k) (i32.const 1)) (local.get $i))))
        (if (i32.gt_s (local.get $moves) (local.get $limit)) (then (return (i32.const 0))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $insert)))
    (i32.const 1))

  ;; The per-sample evaluation near zero loss (exactKernel.ts explains the switch): walks the same
  ;; pieces from A, C at the first sample (C for raw y, as "splits" left it at pAC), with the residual
  ;; e = A·x + C - y of every sample. With pR0 != 0 it stores each unit's Σ e and Σ e·x before its
  ;; split into pR0/pR1. Leaves Σ e and Σ e·x at pAC+16 and pAC+24 and returns Σ e².
  (func $residual
    (param $H i32) (param $pX i32) (param $pY i32) (param $n i32)
    (param $pSplit i32) (param $pOrder i32) (param $pDA i32) (param $pDC i32) (param $pAC i32)
    (param $pR0 i32) (param $pR1 i32) (result f64)
    (local $j i32) (local $k i32) (local $o8 i32) (local $m i32) (local $pos i32)
    (local $A f64) (local $C f64) (local $x f64) (local $e f64)
    (local $e0 f64) (local $e1 f64) (local $e2 f64)
    (local $vA v128) (local $vC v128) (local $vx v128) (local $ve v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local.set $A (f64.load (local.get $pAC)))
    (local.set $C (f64.load offset=8 (local.get $pAC)))
    (block $walkDone
      (loop $walk
        (br_if $walkDone (i32.gt_s (local.get $k) (local.get $H)))
        (if (i32.lt_s (local.get $k) (local.get $H))
          (then
            (local.set $j (i32.load (i32.add (local.get $pOrder) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $m (i32.load (i32.add (local.get $pSplit) (i32.shl (local.get $j) (i32.const 2))))))
          (else
            (local.set $j (i32.const -1))
            (local.set $m (local.get $n))))
        ;; two samples per instruction while two remain in the piece (each lane computes e exactly
        ;; as the scalar loop does; only the order of the sums differs), folded into the running sums
        (local.set $vA (f64x2.splat (local.get $A)))
        (local.set $vC (f64x2.splat (local.get $C)))
        (local.set $v0 (v128.const f64x2 0 0))
        (local.set $v1 (v128.const f64x2 0 0))
        (local.set $v2 (v128.const f64x2 0 0))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.gt_s (i32.add (local.get $pos) (i32.const 2)) (local.get $m)))
            (local.set $o8 (i32.shl (local.get $pos) (i32.const 3)))
            (local.set $vx (v128.load (i32.add (local.get $pX) (local.get $o8))))
            (local.set $ve (f64x2.sub (f64x2.add (f64x2.mul (local.get $vA) (local.get $vx)) (local.get $vC))
              (v128.load (i32.add (local.get $pY) (local.get $o8)))))
            (local.set $v0 (f64x2.add (local.get $v0) (local.get $ve)))
            (local.set $v1 (f64x2.add (local.get $v1) (f64x2.mul (local.get $ve) (local.get $vx))))
            (local.set $v2 (f64x2.add (local.get $v2) (f64x2.mul (local.get $ve) (local.get $ve))))
            (local.set $pos (i32.add (local.get $pos) (i32.const 2)))
            (br $pairs)))
        (local.set $e0 (f64.add (local.get $e0)
          (f64.add (f64x2.extract_lane 0 (local.get $v0)) (f64x2.extract_lane 1 (local.get $v0)))))
        (local.set $e1 (f64.add (local.get $e1)
          (f64.add (f64x2.extract_lane 0 (local.get $v1)) (f64x2.extract_lane 1 (local.get $v1)))))
        (local.set $e2 (f64.add (local.get $e2)
          (f64.add (f64x2.extract_lane 0 (local.get $v2)) (f64x2.extract_lane 1 (local.get $v2)))))
        ;; the last sample of an odd-length piece
        (block $piece
          (loop $sample
            (br_if $piece (i32.ge_s (local.get $pos) (local.get $m)))
            (local.set $o8 (i32.shl (local.get $pos) (i32.const 3)))
            (local.set $x (f64.load (i32.add (local.get $pX) (local.get $o8))))
            (local.set $e (f64.sub (f64.add (f64.mul (local.get $A) (local.get $x)) (local.get $C))
              (f64.load (i32.add (local.get $pY) (local.get $o8)))))
            (local.set $e0 (f64.add (local.get $e0) (local.get $e)))
            (local.set $e1 (f64.add (local.get $e1) (f64.mul (local.get $e) (local.get $x))))
            (local.set $e2 (f64.add (local.get $e2) (f64.mul (local.get $e) (local.get $e))))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
            (br $sample)))
        (if (i32.ge_s (local.get $j) (i32.const 0))
          (then
            (local.set $o8 (i32.shl (local.get $j) (i32.const 3)))
            (if (local.get $pR0)
              (then
                (f64.store (i32.add (local.get $pR0) (local.get $o8)) (local.get $e0))
                (f64.store (i32.add (local.get $pR1) (local.get $o8)) (local.get $e1))))
            (if (i32.gt_s (local.get $m) (i32.const 0))
              (then
                (local.set $A (f64.add (local.get $A) (f64.load (i32.add (local.get $pDA) (local.get $o8)))))
                (local.set $C (f64.add (local.get $C) (f64.load (i32.add (local.get $pDC) (local.get $o8)))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $walk)))
    (f64.store offset=16 (local.get $pAC) (local.get $e0))
    (f64.store offset=24 (local.get $pAC) (local.get $e1))
    (local.get $e2))

  ;; Walks the pieces of the residual line (f - y on each piece is A·x + C, y centred by yMean),
  ;; after "splits" (which left A, C at the first sample and each unit's increments in pAC, pDA,
  ;; pDC), from the compensated prefix sums (10 doubles per boundary: 5 sums, then their 5 error
  ;; terms). With pR0 != 0 it stores, for each unit, Σ e and Σ e·x over the samples before its
  ;; split into pR0/pR1, and the gradient of Σ e² times `scale` into pG (layout w, b, v, c).
  ;; Also sums M = Σ (A·x)² + C² + y²; when Σ e² < switch·M the expanded form has cancelled too far
  ;; and $residual recomputes the sums from the samples (pX, pY: sorted x and raw y).
  ;; Returns Σ e² (clamped at 0 against rounding).
  (func (export "walk")
    (param $pP i32) (param $H i32) (param $pSums i32) (param $n i32)
    (param $pSplit i32) (param $pOrder i32) (param $pKB i32) (param $pKA i32)
    (param $pDA i32) (param $pDC i32) (param $pAC i32)
    (param $pR0 i32) (param $pR1 i32) (param $pG i32) (param $scale f64)
    (param $yMean f64) (param $switch f64) (param $pX i32) (param $pY i32) (result f64)
    (local $j i32) (local $k i32) (local $o8 i32) (local $m i32) (local $pos i32) (local $pB i32) (local $pV i32)
    (local $A f64) (local $C f64)
    (local $e0 f64) (local $e1 f64) (local $e2 f64) (local $cnt f64) (local $mag f64)
    (local $qa i32)
    (local $Sx f64) (local $Sxx f64) (local $Sy f64) (local $Sxy f64) (local $Syy f64)
    (local $mx f64) (local $mxx f64) (local $my f64) (local $mxy f64) (local $myy f64)
    (local $px f64) (local $pxx f64) (local $py f64) (local $pxy f64) (local $pyy f64)
    (local $fx f64) (local $fxx f64) (local $fy f64) (local $fxy f64) (local $fyy f64)
    (local $ex f64) (local $exx f64) (local $ey f64) (local $exy f64) (local $eyy f64)
    (local $ASxx f64) (local $Ccnt f64)
    (local $G0 f64) (local $G1 f64) (local $r f64) (local $sv f64)
    (local.set $pB (i32.add (local.get $pP) (i32.shl (local.get $H) (i32.const 3))))
    (local.set $pV (i32.add (local.get $pB) (i32.shl (local.get $H) (i32.const 3))))
    ;; A, C at the first sample, from "splits"; the expanded form works with centred y
    (local.set $A (f64.load (local.get $pAC)))
    (local.set $C (f64.sub (f64.load offset=8 (local.get $pAC)) (local.get $yMean)))
    (block $walkDone
      (loop $walk
        (br_if $walkDone (i32.gt_s (local.get $k) (local.get $H)))
        (if (i32.lt_s (local.get $k) (local.get $H))
          (then
            (local.set $j (i32.load (i32.add (local.get $pOrder) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $m (i32.load (i32.add (local.get $pSplit) (i32.shl (local.get $j) (i32.const 2))))))
          (else
            (local.set $j (i32.const -1))
            (local.set $m (local.get $n))))
        (if (i32.gt_s (local.get $m) (local.get $pos))
          (then
            (local.set $cnt (f64.convert_i32_s (i32.sub (local.get $m) (local.get $pos))))
            ;; compensated prefix sums at m; those at pos are carried from the previous piece
            (local.set $qa (i32.add (local.get $pSums) (i32.mul (local.get $m) (i32.const 80))))
            (local.set $mx (f64.load (local.get $qa)))
            (local.set $mxx (f64.load offset=8 (local.get $qa)))
            (local.set $my (f64.load offset=16 (local.get $qa)))
            (local.set $mxy (f64.load offset=24 (local.get $qa)))
            (local.set $myy (f64.load offset=32 (local.get $qa)))
            (local.set $fx (f64.load offset=40 (local.get $qa)))
            (local.set $fxx (f64.load offset=48 (local.get $qa)))
            (local.set $fy (f64.load offset=56 (local.get $qa)))
            (local.set $fxy (f64.load offset=64 (local.get $qa)))
            (local.set $fyy (f64.load offset=72 (local.get $qa)))
            ;; S = (sum at m - sum at pos) + (error at m - error at pos)
            (local.set $Sx (f64.add (f64.sub (local.get $mx) (local.get $px)) (f64.sub (local.get $fx) (local.get $ex))))
            (local.set $Sxx (f64.add (f64.sub (local.get $mxx) (local.get $pxx)) (f64.sub (local.get $fxx) (local.get $exx))))
            (local.set $Sy (f64.add (f64.sub (local.get $my) (local.get $py)) (f64.sub (local.get $fy) (local.get $ey))))
            (local.set $Sxy (f64.add (f64.sub (local.get $mxy) (local.get $pxy)) (f64.sub (local.get $fxy) (local.get $exy))))
            (local.set $Syy (f64.add (f64.sub (local.get $myy) (local.get $pyy)) (f64.sub (local.get $fyy) (local.get $eyy))))
            (local.set $px (local.get $mx))
            (local.set $pxx (local.get $mxx))
            (local.set $py (local.get $my))
            (local.set $pxy (local.get $mxy))
            (local.set $pyy (local.get $myy))
            (local.set $ex (local.get $fx))
            (local.set $exx (local.get $fxx))
            (local.set $ey (local.get $fy))
            (local.set $exy (local.get $fxy))
            (local.set $eyy (local.get $fyy))
            (local.set $ASxx (f64.mul (local.get $A) (local.get $Sxx)))
            (local.set $Ccnt (f64.mul (local.get $C) (local.get $cnt)))
            ;; e0 += A·Sx + C·cnt - Sy;  e1 += A·Sxx + C·Sx - Sxy
            (local.set $e0 (f64.add (local.get $e0) (f64.sub
              (f64.add (f64.mul (local.get $A) (local.get $Sx)) (local.get $Ccnt))
              (local.get $Sy))))
            (local.set $e1 (f64.add (local.get $e1) (f64.sub
              (f64.add (local.get $ASxx) (f64.mul (local.get $C) (local.get $Sx)))
              (local.get $Sxy))))
            ;; e2 += A·(A·Sxx + 2·C·Sx - 2·Sxy) + C·(C·cnt - 2·Sy) + Syy
            (local.set $e2 (f64.add (local.get $e2) (f64.add (f64.add
              (f64.mul (local.get $A) (f64.sub
                (f64.add (local.get $ASxx)
                  (f64.mul (f64.mul (f64.const 2) (local.get $C)) (local.get $Sx)))
                (f64.mul (f64.const 2) (local.get $Sxy))))
              (f64.mul (local.get $C) (f64.sub (local.get $Ccnt)
                (f64.mul (f64.const 2) (local.get $Sy)))))
              (local.get $Syy))))
            ;; M += A·A·Sxx + C·C·cnt + Syy
            (local.set $mag (f64.add (local.get $mag) (f64.add (f64.add
              (f64.mul (local.get $A) (local.get $ASxx)) (f64.mul (local.get $C) (local.get $Ccnt)))
              (local.get $Syy))))
            (local.set $pos (local.get $m))))
        (if (i32.ge_s (local.get $j) (i32.const 0))
          (then
            (local.set $o8 (i32.shl (local.get $j) (i32.const 3)))
            (if (local.get $pR0)
              (then
                (f64.store (i32.add (local.get $pR0) (local.get $o8)) (local.get $e0))
                (f64.store (i32.add (local.get $pR1) (local.get $o8)) (local.get $e1))))
            ;; crossing the split (a unit split at 0 started on its after side)
            (if (i32.gt_s (local.get $m) (i32.const 0))
              (then
                (local.set $A (f64.add (local.get $A) (f64.load (i32.add (local.get $pDA) (local.get $o8)))))
                (local.set $C (f64.add (local.get $C) (f64.load (i32.add (local.get $pDC) (local.get $o8)))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $walk)))
    ;; too much cancellation for the expanded form: the per-sample residuals
    (if (f64.lt (local.get $e2) (f64.mul (local.get $switch) (local.get $mag)))
      (then
        (local.set $e2 (call $residual (local.get $H) (local.get $pX) (local.get $pY) (local.get $n)
          (local.get $pSplit) (local.get $pOrder) (local.get $pDA) (local.get $pDC) (local.get $pAC)
          (local.get $pR0) (local.get $pR1)))
        (local.set $e0 (f64.load offset=16 (local.get $pAC)))
        (local.set $e1 (f64.load offset=24 (local.get $pAC)))))
    (if (i32.eqz (local.get $pR0))
      (then (return (select (local.get $e2) (f64.const 0) (f64.gt (local.get $e2) (f64.const 0))))))
    ;; gradient: Σ e·act'_j·x^q = kA·(total - before) + kB·before
    (local.set $j (i32.const 0))
    (block $gradDone
      (loop $grad
        (br_if $gradDone (i32.ge_u (local.get $j) (local.get $H)))
        (local.set $o8 (i32.shl (local.get $j) (i32.const 3)))
        (local.set $r (f64.load (i32.add (local.get $pR0) (local.get $o8))))
        (local.set $G0 (f64.add
          (f64.mul (f64.load (i32.add (local.get $pKA) (local.get $o8))) (f64.sub (local.get $e0) (local.get $r)))
          (f64.mul (f64.load (i32.add (local.get $pKB) (local.get $o8))) (local.get $r))))
        (local.set $r (f64.load (i32.add (local.get $pR1) (local.get $o8))))
        (local.set $G1 (f64.add
          (f64.mul (f64.load (i32.add (local.get $pKA) (local.get $o8))) (f64.sub (local.get $e1) (local.get $r)))
          (f64.mul (f64.load (i32.add (local.get $pKB) (local.get $o8))) (local.get $r))))
        (local.set $sv (f64.mul (local.get $scale) (f64.load (i32.add (local.get $pV) (local.get $o8)))))
        (f64.store (i32.add (local.get $pG) (local.get $o8)) (f64.mul (local.get $sv) (local.get $G1)))
        (f64.store (i32.add (i32.add (local.get $pG) (i32.shl (local.get $H) (i32.const 3))) (local.get $o8))
          (f64.mul (local.get $sv) (local.get $G0)))
        (f64.store (i32.add (i32.add (local.get $pG) (i32.shl (local.get $H) (i32.const 4))) (local.get $o8))
          (f64.mul (local.get $scale) (f64.add
            (f64.mul (f64.load (i32.add (local.get $pP) (local.get $o8))) (local.get $G1))
            (f64.mul (f64.load (i32.add (local.get $pB) (local.get $o8))) (local.get $G0)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $grad)))
    (f64.store (i32.add (local.get $pG) (i32.mul (local.get $H) (i32.const 24)))
      (f64.mul (local.get $scale) (local.get $e0)))
    (select (local.get $e2) (f64.const 0) (f64.gt (local.get $e2) (f64.const 0))))
)
