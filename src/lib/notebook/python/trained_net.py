# %%
# The net to study (src/workers/train-net.ts): trained exactly as the degradation lab trains it,
# with the settings above, on the points x, y; a run that diverges says so and stops.

def train_net(architecture):
    run = train_dense_run(architecture, DEPTH, x, y, classes, WIDTH, BATCH_NORM, OPTIMIZER,
                          LEARNING_RATE, STEPS, SEED, BATCH_SIZE, 0)
    if run['diverged']:
        step, reason = run['diverged']
        print(f'{architecture} diverged at step {step}: {reason}. Lower the learning rate and run again.')
    return run
