# %%
# Mini-batches in the widget's order (src/lib/ml/batch-stream.ts): the indices 0 … n−1 are
# shuffled into a new order every epoch and read in turn. A batch may run across the end of an
# epoch, so every example is used equally often and none is dropped.

class BatchStream:
    """An endless stream of mini-batches of example indices."""

    def __init__(self, n, batch_size, rng):
        self.n = n
        self.batch_size = batch_size
        self.rng = rng
        self.order = list(range(n))
        self.position = n  # forces a shuffle on the first draw
        self.upcoming = None

    def draw(self):
        batch = []
        for _ in range(self.batch_size):
            if self.position == self.n:
                self.rng.shuffle(self.order)
                self.position = 0
            batch.append(self.order[self.position])
            self.position += 1
        return batch

    def next(self):
        """The next batch (a list of indices)."""
        batch = self.upcoming if self.upcoming is not None else self.draw()
        self.upcoming = None
        return batch

    def peek(self):
        """The batch next() will return, without moving on (used to measure gradients)."""
        if self.upcoming is None:
            self.upcoming = self.draw()
        return self.upcoming
