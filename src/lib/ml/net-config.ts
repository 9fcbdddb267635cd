/** The two families of fully connected nets compared by the degradation experiments. */
export const architectures = ['plain', 'residual'] as const;
export type Architecture = (typeof architectures)[number];

/**
 * Shape and initialisation of a fully connected classifier on 2-D points.
 *
 * Layout, for depth D and width W (biases only when batchNorm is off; BN has γ, β instead):
 * - stem: Dense(inputDim → W) → BN → ReLU
 * - body, `plain`: D × [Dense(W → W) → BN → ReLU]
 * - body, `residual` with BN: D/2 post-activation blocks (He et al. 2016a):
 *   a ↦ ReLU(a + BN(Dense(ReLU(BN(Dense(a))))))
 * - body, `residual` without BN: D/2 pre-activation blocks (He et al. 2016b) whose second weight is
 *   initialised ×1/√(D/2): a ↦ a + Dense(ReLU(Dense(ReLU(a)))), then one ReLU before the head
 * - head: Dense(W → classes) giving logits
 */
export interface NetConfig {
  architecture: Architecture;
  /** D, number of body layers (Dense layers between stem and head); residual nets need an even D. */
  depth: number;
  /** W, units per hidden layer. */
  width: number;
  /** Batch normalisation after every hidden Dense layer (stem and body). */
  batchNorm: boolean;
  /** Input features (2 for points in the plane). */
  inputDim: number;
  /** Output classes C. */
  classes: number;
  /** Seed of the initial weights. */
  seed: number;
}

/** Throws a RangeError naming the first invalid field; returns the config unchanged otherwise. */
export function validateNetConfig(config: NetConfig): NetConfig {
  const { architecture, depth, width, inputDim, classes } = config;
  const positiveInt = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  };
  if (!architectures.includes(architecture)) throw new RangeError(`unknown architecture ${String(architecture)}`);
  positiveInt('depth', depth);
  positiveInt('width', width);
  positiveInt('inputDim', inputDim);
  positiveInt('classes', classes);
  if (architecture === 'residual' && depth % 2 !== 0) {
    throw new RangeError(`a residual net is built from 2-layer blocks, so depth must be even, got ${depth}`);
  }
  if (!Number.isFinite(config.seed)) throw new RangeError(`seed must be finite, got ${config.seed}`);
  return config;
}

/** Number of residual blocks (D/2) or 0 for a plain net. */
export function blockCount(config: NetConfig): number {
  return config.architecture === 'residual' ? config.depth / 2 : 0;
}

/** One of several nets trained side by side in one graph (see `createLockstepTrainer`). */
export interface LaneSpec {
  architecture: Architecture;
  /** Seed of this net's initial weights. */
  seed: number;
}

/**
 * Several nets of one depth, width and BN setting packed into one graph: "lanes" side by side
 * along the feature axis, with block-diagonal kernels, so they cost about as many kernel launches
 * as one net. Lane k is exactly the net `laneConfig(config, k)`.
 */
export interface PackedNetConfig {
  lanes: readonly LaneSpec[];
  depth: number;
  width: number;
  batchNorm: boolean;
  inputDim: number;
  classes: number;
}

/** Most lanes in one graph; beyond a few, the block-diagonal products waste more than they save. */
export const maxLanes = 4;

/** The single-net config of lane k. */
export function laneConfig(config: PackedNetConfig, k: number): NetConfig {
  const lane = config.lanes[k];
  if (!lane) throw new RangeError(`no lane ${k}`);
  const { depth, width, batchNorm, inputDim, classes } = config;
  return { architecture: lane.architecture, seed: lane.seed, depth, width, batchNorm, inputDim, classes };
}

/** Throws a RangeError for 0 or more than `maxLanes` lanes or any invalid lane; returns the config otherwise. */
export function validatePackedNetConfig(config: PackedNetConfig): PackedNetConfig {
  if (config.lanes.length < 1 || config.lanes.length > maxLanes) {
    throw new RangeError(`1 to ${maxLanes} lanes, got ${config.lanes.length}`);
  }
  config.lanes.forEach((_, k) => validateNetConfig(laneConfig(config, k)));
  return config;
}

/** A one-lane packed config from a single-net config. */
export function packNetConfig(config: NetConfig): PackedNetConfig {
  const { architecture, seed, ...shared } = config;
  return { lanes: [{ architecture, seed }], ...shared };
}
