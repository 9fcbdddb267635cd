import { describe, expect, it } from 'vitest';
import { boundaryHeadline } from './widgets/boundary-lab';
import { cnnDepthHeadline } from './widgets/cnn-depth-lab';
import { cnnHeadline } from './widgets/cnn-trainer';
import { degradationHeadline } from './widgets/degradation-lab';

describe('headlines: each training widget’s key result as a sentence', () => {
  it('CNN trainer: the last evaluation’s test accuracy, and logistic regression’s when trained', () => {
    const curve = [{ epoch: 0.5, test: 0.9 }, { epoch: 4, test: 0.9683, logisticTest: 0.912 }];
    expect(cnnHeadline('en', curve)).toBe('Test accuracy after 4 epochs: 96.8\u00a0% for the CNN, 91.2\u00a0% for logistic regression on the raw pixels.');
    expect(cnnHeadline('zh', curve)).toBe('训练 4 轮后，CNN 在测试集上的准确率为 96.8%，直接在像素上做逻辑回归为 91.2%。');
    expect(cnnHeadline('en', [])).toBe('');
  });
  it('degradation lab: both nets’ final loss and accuracy, or the deepest pair of a sweep', () => {
    const runs = [
      { arch: 'plain' as const, depth: 32, steps: 400, finalLoss: 0.9861, finalAccuracy: 0.4731 },
      { arch: 'residual' as const, depth: 32, steps: 400, finalLoss: 0.0502, finalAccuracy: 0.9822 },
    ];
    expect(degradationHeadline('zh', 'single', runs)).toBe('深度 32、训练 400 步后：普通网络的最终训练损失为 0.986，残差网络为 0.050（训练准确率分别为 47.3% 和 98.2%）。');
    expect(degradationHeadline('en', 'single', runs.slice(1))).toContain('final training loss 0.050 for the residual net');
    expect(degradationHeadline('en', 'sweep', [...runs, { ...runs[0]!, depth: 64, finalLoss: 1.1 }])).toContain('depth 32');
    expect(degradationHeadline('en', 'single', [{ ...runs[0]!, finalLoss: undefined }])).toBe('');
  });
  it('cnn-depth lab: one depth gives that pair’s errors; several give the training errors at the shallowest and the deepest pair', () => {
    const run = (arch: 'plain' | 'residual', layers: number, trainError: number, testError: number) => ({ arch, layers, steps: 160, trainError, testError });
    const pair20 = [run('plain', 20, 0.036, 0.05), run('residual', 20, 0.02, 0.034)];
    expect(cnnDepthHeadline('en', pair20)).toBe('20 layers, 160 iterations: training error 3.6\u00a0% for the plain net, 2.0\u00a0% for the residual net (test error 5.0\u00a0% and 3.4\u00a0%).');
    expect(cnnDepthHeadline('zh', pair20)).toBe('20 层、迭代 160 次后：普通网络的训练误差为 3.6%，残差网络为 2.0%（测试误差分别为 5.0% 和 3.4%）。');
    const sweep = [...pair20, run('plain', 56, 0.896, 0.9), run('residual', 56, 0.408, 0.398), run('plain', 44, 0.5, 0.5)];
    expect(cnnDepthHeadline('zh', sweep)).toBe('普通网络的训练误差：20 层时为 3.6%，56 层时为 89.6%；残差网络分别为 2.0% 和 40.8%。');
    // A depth with only one net finished (or a run without final errors) does not count.
    expect(cnnDepthHeadline('en', [run('plain', 8, 0.1, 0.1), { ...run('residual', 8, 0, 0), trainError: undefined }])).toBe('');
  });
  it('boundary lab: each model’s final training accuracy', () => {
    expect(boundaryHeadline('en', [{ learner: 'raw', finalAccuracy: 0.502 }, { learner: 'mlp', finalAccuracy: 1 }])).toBe('Final training accuracy: raw LR 50.2\u00a0%, MLP 100.0\u00a0%.');
  });
});
