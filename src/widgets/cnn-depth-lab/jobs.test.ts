import { describe, expect, it } from 'vitest';
import { defaults, type StateOf } from '../../lib/state/schema';
import { BATCH, cnnDepthLabSchema } from '../../lib/state/schemas/cnn-depth-lab';
import { jobFor, jobsFor, runKeys } from './jobs';

type State = StateOf<typeof cnnDepthLabSchema>;
const base = defaults(cnnDepthLabSchema) as State;

describe('cnn-depth lab jobs', () => {
  it('one press of Train: plain and residual at each chosen depth, shallow first, with the state’s settings', () => {
    const jobs = jobsFor({ ...base, depths: ['56', '8'], width: 4, steps: 40, size: '28', optimizer: 'adam', lr: 0.001, seed: 3 } as State);
    expect(jobs.map((j) => `${j.arch}-${j.layers}`)).toEqual(['plain-8', 'residual-8', 'plain-56', 'residual-56']);
    for (const j of jobs) expect(j).toMatchObject({ width: 4, steps: 40, inputSize: 28, optimizer: 'adam', lr: 0.001, seed: 3, batchSize: BATCH, trainCount: 5000 });
  });

  it('asks for the feature maps of the chosen digit', () => {
    expect(jobFor({ ...base, digit: 7 }, 'plain', 20).featureClasses).toEqual([7]);
  });

  it('every setting but the depths and the digit changes a run’s numbers, so a recording matches only when all of them do', () => {
    const fields = Object.keys(cnnDepthLabSchema.fields).filter((k) => k !== 'depths' && k !== 'digit');
    expect([...runKeys].sort()).toEqual(fields.sort());
  });
});
