// The goals of issue 6 as ratios of medians measured in the same run. "Public call" compares augkit's
// public API end to end (copies and the new output array included) with the peer doing the same job;
// "kernel" compares the computation alone, where both sides have one.
import { median, type GroupResult } from './lib/harness.js';

export interface Goal {
  readonly goal: string;
  /** The threshold the primary (public call) ratio must reach. */
  readonly threshold: number;
  /** augkit's public call into a new array: peer time ÷ augkit time (memcpy goals: memcpy ÷ augkit). */
  readonly publicRatio: number;
  /** augkit's public call into a reused `options.out`, against the peer writing into a reused array where it can. */
  readonly reusedRatio: number;
  /** The computation alone, when both sides have one (NaN otherwise). */
  readonly kernelRatio: number;
  /** Whether the public call into a new array reaches the threshold. */
  readonly met: boolean;
  readonly note: string;
}

interface GoalSpec {
  goal: string;
  group: string;
  threshold: number;
  /** The task of the group augkit is compared with (its time is the numerator). */
  peer: string;
  /** The peer's kernel-alone task, if it has one. */
  peerKernel?: string;
  /** The peer's task writing into a reused output, if it has one (else the `peer` task). */
  peerReused?: string;
  /** Compare augkit's kernel (not its public call) for the primary ratio. */
  kernelOnly?: boolean;
  note?: string;
}

const specs: GoalSpec[] = [
  { goal: 'flipHorizontal kernel ≥ 0.75× memcpy bandwidth', group: 'flipHorizontal 1920×1080', threshold: 0.75, peer: 'memcpy', kernelOnly: true, peerReused: 'memcpy' },
  { goal: 'flipVertical kernel ≥ 0.75× memcpy bandwidth', group: 'flipVertical 1920×1080', threshold: 0.75, peer: 'memcpy', kernelOnly: true, peerReused: 'memcpy' },
  { goal: 'flipHorizontal ≥ 2× opencv.js (copy in + flip + copy out)', group: 'flipHorizontal 1920×1080', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'flipVertical ≥ 2× opencv.js (copy in + flip + copy out)', group: 'flipVertical 1920×1080', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'flipHorizontal ≥ 3× sharp c=1 (flop)', group: 'flipHorizontal 1920×1080', threshold: 3, peer: 'sharp' },
  { goal: 'flipVertical ≥ 3× sharp c=1 (flip)', group: 'flipVertical 1920×1080', threshold: 3, peer: 'sharp' },
  { goal: 'resize 1920×1080→400×400 ≥ 1.2× opencv.js INTER_LINEAR', group: 'resize 1920×1080 → 400×400', threshold: 1.2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'resize 1920×1080→400×400 ≥ 3× sharp c=1 (default lanczos3)', group: 'resize 1920×1080 → 400×400', threshold: 3, peer: 'sharp' },
  { goal: 'resize 1920×1080→400×400 `antialias` ≥ 1× sharp c=1 `linear`', group: 'resize 1920×1080 → 400×400 antialias', threshold: 1, peer: 'sharp-linear' },
  { goal: 'resize 640×480→1280×960 ≥ 1.2× opencv.js INTER_LINEAR', group: 'resize 640×480 → 1280×960', threshold: 1.2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'rotate 17° same size ≥ 2× opencv.js warpAffine', group: 'rotate 1920×1080 17°', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'rotate 17° same size ≥ 3× sharp c=1 (rotate + extract)', group: 'rotate 1920×1080 17°', threshold: 3, peer: 'sharp' },
  // geometric ops with border modes (bench/geometry.bench.ts)
  ...['constant', 'edge', 'reflect', 'symmetric', 'wrap'].map((border) => ({
    goal: `warpAffine rot 17° + scale 1.1 + shear 5°, ${border} ≥ 2× opencv.js warpAffine`, group: `warpAffine 1920×1080 ${border}`,
    threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out',
  })),
  { goal: 'perspective ≥ 2× opencv.js warpPerspective', group: 'perspective 1920×1080', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'crop 1920×1080 → 1280×720 ≥ 0.5× memcpy of the output', group: 'crop 1920×1080 → 1280×720', threshold: 0.5, peer: 'memcpy-new', peerReused: 'memcpy-out' },
  { goal: 'pad 64 px ≥ 0.5× memcpy of the output', group: 'pad 1920×1080 64 px', threshold: 0.5, peer: 'memcpy-new', peerReused: 'memcpy-out' },
  { goal: 'randomResizedCrop → 224×224 antialiased ≥ 2× opencv.js (roi + cv.resize INTER_AREA)', group: 'randomResizedCrop 1920×1080 → 224×224', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'saltAndPepper 5 % ≥ 0.1× memcpy bandwidth', group: 'saltAndPepper 1920×1080', threshold: 0.1, peer: 'memcpy', peerKernel: 'memcpy' },
  ...['invert', 'adjustBrightness', 'adjustGamma', 'solarize', 'posterize', 'equalize', 'autocontrast'].map((op) => ({
    goal: `${op} kernel ≥ 0.5× memcpy bandwidth`, group: `${op} 1920×1080`, threshold: 0.5, peer: 'memcpy', kernelOnly: true, peerReused: 'memcpy',
  })),
  { goal: 'gaussianBlur σ 2 ≥ 1.5× opencv.js cv.GaussianBlur', group: 'gaussianBlur 1920×1080 σ2', threshold: 1.5, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'equalize ≥ 2× opencv.js equalizeHist on R, G, B', group: 'equalize vs opencv 1920×1080', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'colorJitter (four fixed factors) ≥ 2× opencv.js chain', group: 'colorJitter 1920×1080', threshold: 2, peer: 'opencv', peerKernel: 'opencv-kernel', peerReused: 'opencv-out' },
  { goal: 'PNG decode ≥ 0.7× sharp c=1 (1080p RGB photo, level 6)', group: 'png decode 1920×1080', threshold: 0.7, peer: 'sharp' },
  { goal: 'PNG encode level 1 ≥ 0.7× sharp c=1', group: 'png encode 1920×1080', threshold: 0.7, peer: 'sharp' },
  { goal: 'JPEG encode q90 ≥ 0.5× sharp c=1 (both 4:2:0)', group: 'jpeg encode 1920×1080', threshold: 0.5, peer: 'sharp' },
  { goal: 'saltAndPepper 5 % ≥ 15× a plain-JS loop', group: 'saltAndPepper 1920×1080', threshold: 15, peer: 'loop', peerKernel: 'loop' },
];

export function goals(groups: readonly GroupResult[]): Goal[] {
  return specs.map((spec) => {
    const group = groups.find((g) => g.id === spec.group);
    const peer = median(group, spec.peer);
    const publicRatio = peer / median(group, spec.kernelOnly ? 'kernel' : 'augkit');
    const reusedRatio = spec.kernelOnly ? NaN : median(group, spec.peerReused ?? spec.peer) / median(group, 'augkit-out');
    const kernelRatio = spec.kernelOnly ? NaN : (spec.peerKernel ? median(group, spec.peerKernel) : peer) / median(group, 'kernel');
    return {
      goal: spec.goal, threshold: spec.threshold, publicRatio, reusedRatio, kernelRatio,
      met: publicRatio >= spec.threshold, note: group ? spec.note ?? '' : 'group not run',
    };
  });
}

export function goalTable(list: readonly Goal[]): string {
  const ratio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
  const verdict = (g: Goal) =>
    g.met ? 'yes' : g.reusedRatio >= g.threshold ? '**no**; yes with `out`' : g.kernelRatio >= g.threshold ? '**no**; kernel only' : '**no**';
  const lines = [
    '| goal | public call, new array | public call, `out` | kernel alone | met |',
    '| --- | ---: | ---: | ---: | --- |',
    ...list.map(
      (g) => `| ${g.goal} | ${ratio(g.publicRatio)} | ${ratio(g.reusedRatio)} | ${ratio(g.kernelRatio)} | ${verdict(g)}${g.note ? ` (${g.note})` : ''} |`,
    ),
  ];
  return lines.join('\n');
}
